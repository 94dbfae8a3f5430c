export { handleCommand, defaultMaxAttempts, type CommandResult } from './handle-command.ts';
export { planCommand, fold, type Decider, type Plan } from './plan.ts';
