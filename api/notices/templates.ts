/**
 * @module
 * Templates for common notices (notice-templates.json: each entry has a note on when to use it).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const TemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  note: z.string().min(1),
  title: z.string().min(1),
  body: z.string().min(1),
  fields: z.array(z.string().regex(/^[a-z_]+$/)),
});
export type NoticeTemplate = z.infer<typeof TemplateSchema>;

let cached: NoticeTemplate[] | undefined;

/** The bundled templates, validated once. */
export function noticeTemplates(): NoticeTemplate[] {
  cached ??= z
    .object({ templates: z.array(TemplateSchema) })
    .parse(
      JSON.parse(readFileSync(new URL('./notice-templates.json', import.meta.url), 'utf8')),
    ).templates;
  return cached;
}

/**
 * Fills `{field}` placeholders; unfilled ones stay visible as `{field}` so the officer sees what is
 * missing in the preview. Returns the fields still missing.
 */
export function fillTemplate(
  t: NoticeTemplate,
  values: Record<string, string>,
): { title: string; body: string; missing: string[] } {
  const missing = t.fields.filter((f) => !values[f]?.trim());
  const fill = (text: string) =>
    text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => values[key]?.trim() || whole);
  return { title: fill(t.title), body: fill(t.body), missing };
}
