import { Browser } from '../../src/modules/accounts/testing/harness.ts';

// A visitor that keeps trying through restarts, as a browser with a retry button would: network
// errors and 5xx are retried with back-off; unsafe calls that start work carry an Idempotency-Key.
// What it had to retry is kept (when, and which error code the API named), for the fault table.

export class PatientVisitor {
  readonly browser: Browser;
  /** When each retry happened (ms since the epoch). */
  readonly retryTimes: number[] = [];
  /** Error codes of the 5xx answers met on the way (`network` for no answer at all). */
  readonly codes = new Map<string, number>();
  constructor(base: string) {
    this.browser = new Browser(base);
    this.browser.origin = base;
  }

  get retries(): number {
    return this.retryTimes.length;
  }

  private async again(attempt: number, code: string): Promise<void> {
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    this.retryTimes.push(Date.now());
    await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * attempt)));
  }

  async request(method: string, path: string, options: Parameters<Browser['request']>[2] = {}) {
    for (let attempt = 1; ; attempt += 1) {
      let code = 'network';
      try {
        const answer = await this.browser.request(method, path, options);
        if (answer.status < 500 || attempt >= 40) return answer;
        code = String((answer.json as { error?: { code?: string } } | undefined)?.error?.code ?? answer.status);
      } catch (error) {
        if (attempt >= 40) throw error;
      }
      await this.again(attempt, code);
    }
  }

  /** One upload attempt: the status and, for a refusal, the error code the API named. */
  async uploadOnce(draftId: string, bytes: Uint8Array, name: string): Promise<{ status: number; code?: string }> {
    const response = await this.browser.upload(`/api/drafts/${draftId}/resume`, bytes, name);
    if (response.status < 400) return { status: response.status };
    // A proxy or a dying process may answer something other than JSON: then there is no code.
    const code = typeof response.json === 'object' ? (response.json as { error?: { code?: string } } | null)?.error?.code : undefined;
    return { status: response.status, ...(code ? { code } : {}) };
  }

  /**
   * Uploads until the answer is below 500 (or `attempts` run out): `201`, or the status and code of
   * the refusal. EXTRACTION_TIMEOUT is tried again too (at most 3 times), as a person would: on a
   * saturated machine the upload's bounded inspection of a sound file can run out of time.
   */
  async upload(draftId: string, bytes: Uint8Array, name: string, attempts = 40): Promise<string> {
    let timeouts = 0;
    for (let attempt = 1; ; attempt += 1) {
      let code = 'network';
      try {
        const answer = await this.uploadOnce(draftId, bytes, name);
        const again = answer.status >= 500 || (answer.code === 'EXTRACTION_TIMEOUT' && (timeouts += 1) <= 3);
        if (!again || attempt >= attempts) return `${answer.status}${answer.code ? ` ${answer.code}` : ''}`;
        code = answer.code ?? String(answer.status);
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
      await this.again(attempt, code);
    }
  }
}
