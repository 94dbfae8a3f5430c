import {
  applicationStatusLabel,
  readApplication,
  readApplicationPage,
  readImportReport,
  readStatusHistory,
} from './applications';
import { sortApplications } from './tracker-table';

const app = (id: string, extra: object = {}) =>
  readApplication({ id, company: 'Acme', role: 'Engineer', status: 'saved', ...extra })!;

describe('application readers', () => {
  it('reads applications defensively', () => {
    const page = readApplicationPage({
      items: [
        {
          id: 'a1',
          company: 'Acme',
          role: 'Dev',
          status: 'applied',
          postingUrl: 'javascript:alert(1)',
          appliedOn: '2026-02-03',
          notes: 5,
        },
        { company: 'no id' },
        { id: 'a2', status: 'ghosted', appliedOn: '03/02/2026' },
      ],
      total: 1,
    });
    expect(page.items.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ postingUrl: null, appliedOn: '2026-02-03', notes: '' });
    expect(page.items[1]).toMatchObject({
      status: 'ghosted',
      appliedOn: null,
      company: '',
      role: '',
    });
    expect(applicationStatusLabel('ghosted')).toBe('ghosted');
    expect(applicationStatusLabel('interview')).toBe('Interview');
    expect(readApplicationPage('junk')).toEqual({ items: [], total: 0 });
  });

  it('reads the status history and an import report', () => {
    expect(
      readStatusHistory({
        items: [
          { from: null, to: 'saved', at: 'x' },
          { from: 'saved' },
          { from: 'saved', to: 'applied' },
        ],
      }),
    ).toEqual([
      { from: null, to: 'saved', at: 'x' },
      { from: 'saved', to: 'applied', at: null },
    ]);
    expect(
      readImportReport({
        imported: 2,
        ids: ['n1', 7, 'n2'],
        errors: [
          { row: 3, problems: ['status: one of saved, applied', 9] },
          { row: 'x' },
          { row: 5 },
        ],
      }),
    ).toEqual({
      imported: 2,
      ids: ['n1', 'n2'],
      errors: [
        { row: 3, problems: ['status: one of saved, applied'] },
        { row: 5, problems: ['this row could not be read'] },
      ],
    });
    expect(readImportReport(null)).toEqual({ imported: 0, ids: [], errors: [] });
  });

  it('sorts a copy by text, date or pipeline order, empty values last', () => {
    const items = [
      app('1', { role: 'b', status: 'offer', appliedOn: '2026-01-05' }),
      app('2', { role: 'A', status: 'saved', appliedOn: null }),
      app('3', { role: 'c', status: 'applied', appliedOn: '2026-01-01' }),
    ];
    const ids = (sorted: { id: string }[]) => sorted.map((a) => a.id);
    expect(ids(sortApplications(items, { active: 'role', direction: 'asc' }))).toEqual([
      '2',
      '1',
      '3',
    ]);
    expect(ids(sortApplications(items, { active: 'status', direction: 'asc' }))).toEqual([
      '2',
      '3',
      '1',
    ]);
    expect(ids(sortApplications(items, { active: 'appliedOn', direction: 'desc' }))).toEqual([
      '1',
      '3',
      '2',
    ]);
    expect(ids(sortApplications(items, { active: 'appliedOn', direction: 'asc' }))).toEqual([
      '3',
      '1',
      '2',
    ]);
    expect(ids(sortApplications(items, { active: 'role', direction: '' }))).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(ids(sortApplications(items, { active: 'hack', direction: 'asc' }))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });
});
