import { TestBed } from '@angular/core/testing';
import { AnalysesChart, fillDays } from './analyses-chart';

describe('AnalysesChart', () => {
  it('fills missing days and caps odd input', () => {
    const filled = fillDays([{ day: '2026-03-01', n: 2, failed: 1 }, { day: '2026-03-03', n: 1, failed: 0 }]);
    // At least two weeks, ending at the last day.
    expect(filled).toHaveLength(14);
    expect(filled.slice(-3).map((d) => [d.day, d.n])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 0],
      ['2026-03-03', 1],
    ]);
    expect(filled[0]).toEqual({ day: '2026-02-18', n: 0, failed: 0 });
    expect(fillDays([])).toEqual([]);
    expect(fillDays([{ day: 'not-a-day', n: 1, failed: 0 }])).toHaveLength(1);
    expect(fillDays([{ day: '2020-01-01', n: 1, failed: 0 }, { day: '2026-01-01', n: 1, failed: 0 }])).toHaveLength(62);
  });

  it('draws stacked bars with failures on top and a summary for screen readers', () => {
    const fixture = TestBed.createComponent(AnalysesChart);
    fixture.componentRef.setInput('days', [
      { day: '2026-03-01', n: 4, failed: 1 },
      { day: '2026-03-02', n: 2, failed: 2 },
    ]);
    fixture.detectChanges();
    const all = (fixture.nativeElement as HTMLElement).querySelectorAll('svg g');
    expect(all).toHaveLength(14);
    const root = fixture.nativeElement as HTMLElement;
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Analyses per day over 14 days: 6 in all, 3 failed.');
    const groups = Array.from(root.querySelectorAll('svg g')).slice(-2);
    expect(groups[0].querySelector('title')?.textContent).toBe('2026-03-01: 4 analyses, 1 failed');
    const ok = Number(groups[0].querySelector('rect.ok')!.getAttribute('height'));
    const failed = Number(groups[0].querySelector('rect.failed')!.getAttribute('height'));
    expect(ok).toBeCloseTo(failed * 3);
    const failedY = Number(groups[0].querySelector('rect.failed')!.getAttribute('y'));
    const okY = Number(groups[0].querySelector('rect.ok')!.getAttribute('y'));
    expect(failedY + failed).toBeCloseTo(okY);
    expect(Number(groups[1].querySelector('rect.ok')!.getAttribute('height'))).toBe(0);
  });

  it('says so when there is nothing to draw', () => {
    const fixture = TestBed.createComponent(AnalysesChart);
    fixture.componentRef.setInput('days', []);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No analyses in this period.');
  });
});
