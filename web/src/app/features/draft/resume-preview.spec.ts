import { ComponentFixture, TestBed } from '@angular/core/testing';
import { readPreview } from './letter-and-preview-api';
import { ResumePreview } from './resume-preview';

describe('ResumePreview', () => {
  let fixture: ComponentFixture<ResumePreview>;
  const el = () => fixture.nativeElement as HTMLElement;

  function render(body: unknown, template: 'classic' | 'modern' | 'compact' = 'classic'): void {
    fixture = TestBed.createComponent(ResumePreview);
    fixture.componentRef.setInput('resume', readPreview(body));
    fixture.componentRef.setInput('template', template);
    fixture.detectChanges();
  }

  const body = {
    resume: {
      name: 'Jane Doe',
      contactLine: ['jane@example.com', '+49 30 1234'],
      links: ['github.com/jane'],
      sections: [
        { heading: 'SUMMARY', body: { kind: 'lines', lines: ['Analyst who ships.', 'שלום 🙂'] } },
        {
          heading: 'EXPERIENCE',
          body: {
            kind: 'entries',
            entries: [
              {
                heading: 'Analyst — Northwind',
                dates: '2020 – Present',
                bullets: ['Cut costs 20%', 'Led 5 people'],
              },
              { heading: 'Intern — Contoso', dates: null, bullets: [] },
            ],
          },
        },
        { heading: 'SKILLS', body: { kind: 'list', items: ['SQL', 'Python', 'dbt'] } },
      ],
    },
    changesApplied: 2,
  };

  it('lays out the sections in order, in the template chosen', () => {
    render(body, 'modern');
    const page = el().querySelector('.page')!;
    expect(page.classList).toContain('modern');
    expect(page.getAttribute('aria-label')).toBe('Preview, modern template');
    expect(Array.from(page.querySelectorAll('.heading')).map((h) => h.textContent?.trim())).toEqual(
      ['SUMMARY', 'EXPERIENCE', 'SKILLS'],
    );
    expect(page.querySelector('.name')?.textContent).toContain('Jane Doe');
    expect(page.querySelectorAll('.contact')[0]?.textContent).toContain(
      'jane@example.com | +49 30 1234',
    );
    expect(Array.from(page.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      'Cut costs 20%',
      'Led 5 people',
    ]);
    expect(page.textContent).toContain('Analyst — Northwind | 2020 – Present');
    expect(page.textContent).toContain('SQL, Python, dbt');
    expect(page.textContent).toContain('שלום 🙂');
    fixture.componentRef.setInput('template', 'compact');
    fixture.detectChanges();
    expect(el().querySelector('.page')!.classList).toContain('compact');
  });

  it('shows hostile text as text and survives a malformed answer', () => {
    render({
      resume: {
        name: '<script>alert(1)</script>',
        contactLine: 'x',
        sections: [
          {
            heading: 7,
            body: {
              kind: 'entries',
              entries: [
                null,
                { heading: '<b>x</b>', bullets: [1, '<img src=x onerror=alert(1)>'] },
              ],
            },
          },
          null,
        ],
      },
    });
    expect(el().querySelector('script, img, b')).toBeNull();
    expect(el().querySelector('.name')?.textContent).toContain('<script>alert(1)</script>');
    expect(el().textContent).toContain('<img src=x onerror=alert(1)>');
    render(null);
    expect(el().querySelector('.page')).toBeTruthy();
    expect(el().querySelectorAll('section').length).toBe(0);
  });
});
