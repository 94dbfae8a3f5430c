import {
  formatMoney,
  jsonText,
  readFlags,
  readJobsPage,
  readOverview,
  readReplay,
  readTimeline,
  readUserLookup,
  readWorkflow,
  safeHttpUrl,
  streamGroup,
  formatWhen,
} from './staff';

describe('staff readers', () => {
  it('reads a user lookup, dropping drafts without an id', () => {
    expect(readUserLookup(null)).toEqual({ user: null, drafts: [] });
    const lookup = readUserLookup({
      user: { id: 'u1', email: 'a@b.c', plan: 7, role: 'ADMIN' },
      drafts: [{ id: 'd1', status: 'READY', title: null, updatedAt: 'x' }, { title: 'no id' }, 'junk'],
    });
    expect(lookup.user).toMatchObject({ id: 'u1', email: 'a@b.c', plan: null, role: 'ADMIN' });
    expect(lookup.drafts).toEqual([{ id: 'd1', status: 'READY', title: null, updatedAt: 'x' }]);
    expect(readUserLookup({ user: { email: 'no id' }, drafts: 'nope' })).toEqual({ user: null, drafts: [] });
  });

  it('groups streams and reads a hostile timeline in store order', () => {
    expect(['draft-1', 'job-2', 'payments-3', 'analysis-4', 'reminder-5', 'other-6', ''].map(streamGroup)).toEqual([
      'draft',
      'job',
      'payments',
      'analysis',
      'other',
      'other',
      'other',
    ]);
    const events = readTimeline({
      events: [
        { position: 9, stream: 'job-j', type: 'JobStepRecorded', at: 't', actor: 'system:x', data: { step: 'pay' } },
        { position: 2, stream: 'draft-d', type: 'SomethingFromTheFuture' },
        null,
        { type: 42, stream: 7 },
      ],
    });
    expect(events.map((e) => [e.position, e.group, e.type])).toEqual([
      [-4, 'other', 'UnknownEvent'],
      [2, 'draft', 'SomethingFromTheFuture'],
      [9, 'job', 'JobStepRecorded'],
    ]);
    expect(events[1]).toMatchObject({ at: null, actor: 'unknown', data: null });
    expect(readTimeline({ events: 'no' })).toEqual([]);
  });

  it('reads a workflow history, marks failures and keeps only http(s) Temporal links', () => {
    const workflow = readWorkflow({
      workflowId: 'draft-1',
      temporalUi: 'javascript:alert(1)',
      history: [
        { id: 1, at: 'a', type: 'workflow_execution_started' },
        { id: 5, type: 'activity_task_failed', activity: 'analyzeDraft', attempt: 2, errorType: 'JOB_DESCRIPTION_REQUIRED', message: 'm' },
        { type: 'activity_task_timed_out' },
        { id: 'x', type: 'workflow_execution_signaled', signal: 'job', errorType: 3 },
        { id: 6, type: 'timer_canceled' },
        7,
      ],
    });
    expect(workflow.temporalUi).toBeNull();
    expect(workflow.history.map((h) => [h.id, h.failed])).toEqual([
      [1, false],
      [5, true],
      [3, true],
      [4, false],
      [6, false],
    ]);
    expect(workflow.history[1]).toMatchObject({ activity: 'analyzeDraft', attempt: 2, errorType: 'JOB_DESCRIPTION_REQUIRED' });
    expect(readWorkflow({ temporalUi: 'http://localhost:8233/namespaces/default/workflows/draft-1' }).temporalUi).toBe(
      'http://localhost:8233/namespaces/default/workflows/draft-1',
    );
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(readWorkflow(undefined)).toEqual({ workflowId: null, temporalUi: null, history: [] });
  });

  it('gives a green verdict only for an explicit true', () => {
    expect(readReplay({ deterministic: true })).toEqual({ deterministic: true, error: null });
    expect(readReplay({ deterministic: 'true', error: 'DeterminismViolation' })).toEqual({
      deterministic: false,
      error: 'DeterminismViolation',
    });
    expect(readReplay(null).deterministic).toBe(false);
  });

  it('reads the overview with counts clamped and failures never above the total', () => {
    const overview = readOverview({
      users: -3,
      draftsByStatus: { READY: 4, DRAFT: 'x' },
      analysesPerDay: [{ day: '2026-03-01', n: 2, failed: 5 }, { n: 1 }],
      failureRate: 4,
      revenue: [{ currency: 'EUR', amount: 980, refunded: 490 }, { amount: 1 }],
    });
    expect(overview).toEqual({
      users: 0,
      draftsByStatus: [
        { status: 'READY', n: 4 },
        { status: 'DRAFT', n: 0 },
      ],
      analysesPerDay: [{ day: '2026-03-01', n: 2, failed: 2 }],
      failureRate: 1,
      revenue: [{ currency: 'EUR', amount: 980, refunded: 490 }],
    });
    expect(readOverview('nope').analysesPerDay).toEqual([]);
  });

  it('reads a jobs page and the flags with safe defaults', () => {
    const asked = { status: null, step: null, errorCode: null, page: 2, pageSize: 25 };
    const page = readJobsPage({ items: [{ jobId: 'j1', status: 'teleported' }, { status: 'failed' }], total: 0 }, asked);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ jobId: 'j1', status: 'teleported', kind: 'analysis', attempts: 0 });
    expect(page.total).toBe(1);
    expect(page.page).toBe(2);
    expect(readFlags({ flags: { ENABLE_SSE: 'yes', ANALYSIS_ENGINE: 'quantum' } })).toEqual({
      ENABLE_SSE: false,
      ENABLE_WATERMARKED_EXPORT: false,
      ANALYSIS_ENGINE: 'auto',
    });
  });

  it('formats money in minor units, times, and JSON as cut text', () => {
    expect(formatMoney(490, 'eur', 'en-IE')).toBe('€4.90');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
    expect(formatMoney(490, 'NOT-A-CODE', 'en-US')).toBe('4.90 NOT-A-CODE');
    expect(formatWhen(null)).toBe('—');
    expect(formatWhen('not a time')).toBe('not a time');
    const big = jsonText({ text: 'x'.repeat(100_000) });
    expect(big.cut).toBe(true);
    expect(big.text).toHaveLength(50_000);
    expect(jsonText(undefined).text).toBe('undefined');
    expect(jsonText({ a: 1n } as unknown).text).toBe('[object Object]');
  });
});
