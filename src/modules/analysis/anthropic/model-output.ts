// What we accept back from the model, and how we dig the JSON out of its text.
import { z } from 'zod';

const Problem = z.union([
  z.object({ code: z.string().max(40), message: z.string().max(400) }),
  z.string().max(400).transform((message) => ({ code: 'COACH_NOTE', message })),
]);

export const ModelOutput = z.object({
  bulletCritiques: z.array(z.object({
    original: z.string().max(2_000),
    problems: z.array(Problem).max(10),
    rewritten: z.string().max(2_000).nullable(),
    rationale: z.string().max(1_000),
  })).max(40),
  coverLetter: z.string().max(8_000).nullable().optional(),
});
export type ModelOutput = z.infer<typeof ModelOutput>;

export type ParsedReply = { ok: true; value: ModelOutput } | { ok: false; problem: string };

export function parseModelReply(text: string, truncated: boolean): ParsedReply {
  if (truncated) return { ok: false, problem: 'the reply was cut off at the output limit' };
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0) return { ok: false, problem: 'no JSON object was found' };
  if (end <= start) return { ok: false, problem: 'the JSON is malformed (the object never closes)' };
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    return { ok: false, problem: `the JSON is malformed (${(error as Error).message.slice(0, 120)})` };
  }
  const parsed = ModelOutput.safeParse(json);
  if (!parsed.success) return { ok: false, problem: `the JSON does not match the shape (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})` };
  return { ok: true, value: parsed.data };
}
