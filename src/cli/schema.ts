import { scenarioSchema } from '../scenario/schema';
import { parseArgs } from './args';
import type { Command } from './command';

/** `leadlab schema`: the scenario JSON Schema, for editors. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of scenario files (for editors that check JSON).',
  usage: 'schema',
  flags: {},
  async run(argv, io) {
    parseArgs(argv, {});
    const body = scenarioSchema.jsonSchema() as { properties: Record<string, unknown> };
    body.properties.$schema = { type: 'string', description: 'Path or address of this schema, for editors.' };
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Leadlab scenario', ...body };
    io.out(JSON.stringify(schema, null, 2) + '\n');
    return 0;
  },
};
