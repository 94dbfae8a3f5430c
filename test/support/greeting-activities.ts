import { ApplicationFailure } from '@temporalio/common';

export function createGreetingActivities(state: { attempts: number }) {
  return {
    async greet(name: string): Promise<string> {
      state.attempts += 1;
      if (name === '') throw ApplicationFailure.nonRetryable('a name is needed', 'NAME_REFUSED');
      if (name === 'flaky' && state.attempts < 2) throw new Error('transient');
      return `hello ${name}`;
    },
  };
}
export type GreetingActivities = ReturnType<typeof createGreetingActivities>;
