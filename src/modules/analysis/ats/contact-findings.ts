// An ATS files a résumé under its contact details; missing ones, or ones only in a page header
// or footer (which many parsers skip), mean a recruiter may never reach the person.
import type { AtsFinding } from '../result.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import { finding } from './finding.ts';

export function contactFindings(resume: ResumeDocument): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const { email, phone, location } = resume.contact;
  if (!email) findings.push(finding('MISSING_EMAIL', 'critical', 'No email address found. Put it in the body of the first page, as plain text.'));
  if (!phone) findings.push(finding('MISSING_PHONE', 'warning', 'No phone number found. Most recruiters call before they email.'));
  if (!location) findings.push(finding('MISSING_LOCATION', 'info', 'No location (city and region) found near the top. Many ATS filter candidates by location.'));
  if (resume.layoutWarnings.includes('HEADER_FOOTER_CONTENT')) {
    findings.push(finding('CONTACT_IN_HEADER_FOOTER', 'warning',
      'Some text sits in the page header or footer. Many ATS ignore those areas: keep your name and contact details in the main body.',
      [email, phone].filter((v): v is string => Boolean(v)).map((text) => ({ text }))));
  }
  return findings;
}
