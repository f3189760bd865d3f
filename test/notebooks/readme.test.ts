import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTEBOOKS } from '../../vite.config';
import { repo } from '../ui/browserHarness';

describe('the README on the notebooks', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Notebooks'), readme.indexOf('## Scenarios')).replace(/\s+/g, ' ').toLowerCase();

  it('names, in bold, every notebook the build makes, by the first words of its page title', () => {
    for (const name of NOTEBOOKS.filter((n) => n !== 'index')) {
      const title = readFileSync(join(repo, 'src/ui/notebooks', `${name}.html`), 'utf8').match(/<title>([^<]+)<\/title>/)![1];
      const words = title.split(/:| - /)[0].trim().toLowerCase();
      expect(section, name).toContain(`**${words}**`);
    }
  });
});
