import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Landing } from './landing';

describe('Landing', () => {
  it('explains the three steps and offers both calls to action', async () => {
    TestBed.configureTestingModule({ imports: [Landing], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Landing);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    expect(root.querySelectorAll('h1')).toHaveLength(1);
    const steps = Array.from(root.querySelectorAll('.steps h3')).map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(steps).toEqual(['1. Upload', '2. Match', '3. Polish']);
    const hero = root.querySelector('.hero')!;
    const ctas = Array.from(hero.querySelectorAll('a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(ctas).toEqual([
      ['Try without an account', '/try'],
      ['Create account', '/register'],
    ]);
    expect(root.textContent).toContain('never invent');
  });
});
