// The messages the product sends. A template sees only what it needs to say — a greeting name,
// amounts, links into the app — never résumé text, job descriptions, scores or secrets, so a
// forwarded or leaked e-mail gives nothing of the draft away.

export type MessageKind = 'welcome' | 'payment-receipt' | 'analysis-ready' | 'draft-reminder' | 'application-follow-up';
export type Category = 'account' | 'receipts' | 'updates' | 'reminders';

export const categoryOf: Record<MessageKind, Category> = {
  welcome: 'account', 'payment-receipt': 'receipts', 'analysis-ready': 'updates', 'draft-reminder': 'reminders', 'application-follow-up': 'reminders',
};

export type MessageParams = {
  /** The person's display name, if they gave one. */
  name: string | null;
  /** Absolute link into the app (draft page, application page). */
  link: string;
  unsubscribeUrl: string;
  amount?: { value: number; currency: string };
  company?: string;
};

export type RenderedMessage = { subject: string; text: string; html: string };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Names come from people: one line, bounded, and escaped wherever they meet HTML. */
const safeName = (name: string | null) => (name ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
const money = (amount: { value: number; currency: string }) => new Intl.NumberFormat('en', { style: 'currency', currency: amount.currency }).format(amount.value / 100);

const bodies: Record<MessageKind, (p: MessageParams) => { subject: string; lines: string[]; action: string }> = {
  welcome: () => ({ subject: 'Welcome to Résumé coach', lines: ['Your account is ready. Upload a résumé, paste a job description and see how well they match.'], action: 'Open Résumé coach' }),
  'payment-receipt': (p) => ({
    subject: 'Your Résumé coach receipt',
    lines: [`We received your payment of ${p.amount ? money(p.amount) : 'your analysis'} for one analysis. Thank you.`, 'Keep this e-mail as your receipt.'],
    action: 'See your draft',
  }),
  'analysis-ready': () => ({ subject: 'Your analysis is ready', lines: ['The analysis of your draft is finished: your match score, keywords and ATS findings are waiting.'], action: 'See the results' }),
  'draft-reminder': () => ({ subject: 'Your résumé draft is waiting', lines: ['A week ago you started a draft and did not finish it. A few minutes are enough to review the suggestions and export it.'], action: 'Finish your draft' }),
  'application-follow-up': (p) => ({
    subject: 'Time to follow up on your application',
    lines: [`It has been a while since you applied${p.company ? ` to ${safeName(p.company)}` : ''}. A short, friendly follow-up often gets an answer.`],
    action: 'Open the application',
  }),
};

export function renderMessage(kind: MessageKind, params: MessageParams): RenderedMessage {
  const { subject, lines, action } = bodies[kind](params);
  const name = safeName(params.name);
  const greeting = name ? `Hello ${name},` : 'Hello,';
  const footer = "You receive this because you have a Résumé coach account. Don't want these e-mails?";
  const text = [greeting, '', ...lines, '', `${action}: ${params.link}`, '', `${footer} Unsubscribe: ${params.unsubscribeUrl}`, ''].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222;line-height:1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(params.link)}">${escapeHtml(action)}</a></p>`,
    `<p style="font-size:12px;color:#777">${escapeHtml(footer)} <a href="${escapeHtml(params.unsubscribeUrl)}">Unsubscribe</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
