import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { readAnalysis } from '../../core/api/analysis';
import { analysisAnswer, RESUME_TEXT } from '../../testing/analysis-fixture';
import { AnalysisView } from './analysis-view';

// The results of one analysis, with and without a job description (a general résumé).
describe('AnalysisView', () => {
  function render(overrides: Record<string, unknown>): HTMLElement {
    TestBed.configureTestingModule({
      imports: [AnalysisView],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(AnalysisView);
    const answer = analysisAnswer();
    fixture.componentRef.setInput(
      'result',
      readAnalysis({ ...answer, result: { ...answer.result, ...overrides } }).result,
    );
    fixture.componentRef.setInput('resumeText', RESUME_TEXT);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }
  const headings = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('.card > h3')).map((h) =>
      h.textContent?.replace(/\s+/g, ' ').trim(),
    );

  it('shows every panel for an analysis against a job', () => {
    const root = render({});
    expect(headings(root)).toEqual([
      'Match score',
      'ATS check',
      'Keywords 1 required missing',
      'Bullet suggestions',
      'Interview chances',
      'Cover letter',
    ]);
    expect(root.querySelector('.grid.general')).toBeNull();
  });

  it('leaves out the job panels (no upsell) for a general résumé analysed without a job', () => {
    const root = render({
      hasJobDescription: false,
      panelsAllowed: ['ats', 'bullets'],
      matchScore: { value: 0, breakdown: [] },
      keywords: { matched: [], missing: [] },
      hireProbability: null,
      coverLetter: null,
      notices: ['This résumé was analysed on its own, without a job description.'],
    });
    expect(headings(root)).toEqual(['ATS check', 'Bullet suggestions']);
    expect(root.querySelector('app-pro-upsell')).toBeNull();
    expect(root.querySelector('app-score-ring')).toBeNull();
    expect(root.querySelector('.grid.general')).not.toBeNull();
    expect(root.querySelector('.notices')?.textContent).toContain('without a job description');
    expect(root.querySelector('app-ats-panel')).not.toBeNull();
    expect(root.querySelectorAll('app-bullet-diff').length).toBeGreaterThan(0);
  });

  it('reads a stored result from before the field as one with a job', () => {
    const answer = analysisAnswer();
    const { hasJobDescription: _, ...older } = answer.result as Record<string, unknown>;
    expect(readAnalysis({ ...answer, result: older }).result.hasJobDescription).toBe(true);
    expect(
      readAnalysis({ ...answer, result: { ...older, hasJobDescription: false } }).result
        .hasJobDescription,
    ).toBe(false);
  });
});
