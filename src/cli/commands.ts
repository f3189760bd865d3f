import type { Command } from './command';
import { runCommand } from './run';
import { calibrateCommand } from './calibrate';
import { schemaCommand } from './schema';
import { importCommand } from './import';
import { fitCommand } from './fit';
import { compareCommand } from './compare';
import { sweepCommand } from './sweep';
import { mergeCommand } from './merge';
import { optimizeCommand } from './optimize';
import { diagnoseCommand } from './diagnose';

/** Every `leadlab` subcommand, in the order `leadlab --help` lists them. One file per command. */
export const commands: Command[] = [runCommand, schemaCommand, importCommand, fitCommand, calibrateCommand, compareCommand, sweepCommand, mergeCommand, optimizeCommand, diagnoseCommand];
