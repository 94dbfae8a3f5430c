import { TestBed } from '@angular/core/testing';
import { readTimeline } from '../../core/api/staff';
import { EventTimeline, MAX_EVENTS_PER_GROUP } from './event-timeline';

describe('EventTimeline', () => {
  function render(body: unknown) {
    const fixture = TestBed.createComponent(EventTimeline);
    fixture.componentRef.setInput('events', readTimeline(body));
    fixture.detectChanges();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  it('groups events by stream family in order, unknown types and streams included', () => {
    const { root } = render({
      events: [
        { position: 3, stream: 'job-j1', type: 'JobStepRecorded', at: '2026-03-01T09:00:00Z', actor: 'system:pipeline', data: {} },
        { position: 1, stream: 'draft-d1', type: 'DraftCreated', at: '2026-03-01T08:00:00Z', actor: 'user:u1', data: {} },
        { position: 2, stream: 'payments-d1', type: 'PaymentWaived', data: null },
        { position: 4, stream: 'analysis-j1', type: 'AnalysisCompleted' },
        { position: 5, stream: 'mystery-x', type: 'TimeTravelStarted', at: 'whenever' },
        { position: 6, stream: 'draft-d1' },
      ],
    });
    const headings = Array.from(root.querySelectorAll('h3')).map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(['Draft (2)', 'Jobs (1)', 'Payments (1)', 'Analysis (1)', 'Other (1)']);
    const draftTypes = Array.from(root.querySelectorAll('section.draft .type')).map((t) => t.textContent);
    expect(draftTypes).toEqual(['DraftCreated', 'UnknownEvent']);
    expect(root.querySelector('section.other')?.textContent).toContain('TimeTravelStarted');
    expect(root.querySelector('section.other')?.textContent).toContain('whenever');
  });

  it('builds the JSON only when opened, as text, never as HTML, and cuts huge data', () => {
    const { fixture, root } = render({
      events: [
        { position: 1, stream: 'draft-d1', type: 'DraftCreated', data: { title: '<img src=x onerror=alert(1)>' } },
        { position: 2, stream: 'draft-d1', type: 'Huge', data: { blob: 'y'.repeat(200_000) } },
      ],
    });
    expect(root.querySelectorAll('pre')).toHaveLength(0);
    const details = root.querySelectorAll('details');
    for (const d of Array.from(details)) {
      d.open = true;
      d.dispatchEvent(new Event('toggle'));
    }
    fixture.detectChanges();
    const pres = root.querySelectorAll('pre');
    expect(pres).toHaveLength(2);
    expect(pres[0].textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    expect(pres[1].textContent).toHaveLength(50_000);
    expect(root.textContent).toContain('Cut at 50,000 characters');

    details[0].open = false;
    details[0].dispatchEvent(new Event('toggle'));
    fixture.detectChanges();
    expect(root.querySelectorAll('pre')).toHaveLength(1);
  });

  it('says when there is nothing, and summarises very long streams', () => {
    expect(render({ events: [] }).root.textContent).toContain('No events recorded');
    const many = Array.from({ length: MAX_EVENTS_PER_GROUP + 20 }, (_, i) => ({ position: i, stream: 'job-j', type: 'E' }));
    const { root } = render({ events: many });
    expect(root.querySelectorAll('li.event')).toHaveLength(MAX_EVENTS_PER_GROUP);
    expect(root.textContent).toContain(`Showing the first ${MAX_EVENTS_PER_GROUP} of ${MAX_EVENTS_PER_GROUP + 20} events`);
  });
});
