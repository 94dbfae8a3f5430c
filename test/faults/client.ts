import { Browser } from '../../src/modules/accounts/testing/harness.ts';

// A visitor that keeps trying through restarts, as a browser with a retry button would: network
// errors and 5xx are retried with back-off; unsafe calls that start work carry an Idempotency-Key.

export class PatientVisitor {
  readonly browser: Browser;
  retries = 0;
  constructor(base: string) {
    this.browser = new Browser(base);
    this.browser.origin = base;
  }

  async request(method: string, path: string, options: Parameters<Browser['request']>[2] = {}) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await this.browser.request(method, path, options);
        if (answer.status < 500 || attempt >= 40) return answer;
      } catch (error) {
        if (attempt >= 40) throw error;
      }
      this.retries += 1;
      await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * attempt)));
    }
  }

  async upload(draftId: string, bytes: Uint8Array, name: string): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const form = new FormData();
        form.append('file', new Blob([bytes]), name);
        const cookie = [...this.browser.jar].map(([n, c]) => `${n}=${c.value}`).join('; ');
        const response = await fetch(`${this.browser.base}/api/drafts/${draftId}/resume`, {
          method: 'POST', body: form, headers: { cookie, origin: this.browser.base, 'x-csrf-token': this.browser.cookie('csrf') ?? '' },
        });
        if (response.status < 500 || attempt >= 40) return response.status;
      } catch (error) {
        if (attempt >= 40) throw error;
      }
      this.retries += 1;
      await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * attempt)));
    }
  }
}
