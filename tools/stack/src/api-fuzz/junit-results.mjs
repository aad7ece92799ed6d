// @ts-check
// Reads schemathesis's JUnit report: one test case per API operation (plus "Stateful tests"),
// failed when it holds a <failure> or an <error>.
import fs from 'node:fs';

/** @typedef {{ name: string, ok: boolean, problems: string[] }} OperationResult */

const entities = /** @type {Record<string, string>} */ ({
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
});
/** @param {string} text */
const unescapeXml = (text) => text.replace(/&(lt|gt|quot|apos|amp);/g, (m) => entities[m]);

/**
 * @param {string} xml
 * @returns {OperationResult[]}
 */
export function parseJunit(xml) {
  /** @type {OperationResult[]} */
  const results = [];
  const testcase = /<testcase\s+name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const [, name, body = ''] of xml.matchAll(testcase)) {
    /** @type {string[]} */
    const problems = [];
    const finding = /<(failure|error)\b([^>]*)>([\s\S]*?)<\/\1>|<(failure|error)\b([^>]*)\/>/g;
    for (const match of body.matchAll(finding)) {
      const attributes = match[2] ?? match[5] ?? '';
      const text = unescapeXml(match[3] ?? '');
      const code = /message="([^"]*)"/.exec(attributes)?.[1];
      // "ST101, ST103" for checks; the first meaningful line for errors (network, runtime).
      const firstLine = text
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line !== '' && !/^\d+\. Test Case ID/.test(line));
      problems.push(unescapeXml(code ?? firstLine ?? match[1]));
    }
    results.push({ name: unescapeXml(name), ok: problems.length === 0, problems });
  }
  return results;
}

/**
 * The results of every JUnit file in `files`, in order.
 * @param {string[]} files
 */
export function readJunitFiles(files) {
  return files.flatMap((file) => parseJunit(fs.readFileSync(file, 'utf8')));
}
