// Fails when src/lib/api/schema.d.ts is not what `npm run gen:api` makes from ../openapi/openapi.yaml.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('..', import.meta.url);
const spec = new URL('../openapi/openapi.yaml', root);
const committed = readFileSync(fileURLToPath(new URL('src/lib/api/schema.d.ts', root)), 'utf8');
const generated = astToString(await openapiTS(spec));
const normalise = (text) =>
    text
        .replace(/^\/\*\*[\s\S]*?\*\/\s*/, '')
        .replace(/\s+/g, ' ')
        .trim();
if (normalise(committed) !== normalise(generated)) {
    console.error('src/lib/api/schema.d.ts is stale: run `npm run gen:api` and commit it.');
    process.exit(1);
}
console.log('API types match openapi/openapi.yaml');
