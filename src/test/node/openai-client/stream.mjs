// Asks Ponder's OpenAI-compatible API one question through the official `openai` package,
// streaming, and prints what a script built on that package would see, as one JSON line:
//   {"reasoning", "reasoning_content", "content", "finish_reason", "usage", "chunks", "role"}
// or, when the client raises, {"error": {"name", "status", "message", "code", "type"}} with exit code 2.
//
//   node stream.mjs <base URL, e.g. http://127.0.0.1:8080/v1> <model> <message> [api key]
//
// The key may also come from OPENAI_API_KEY; the SDK insists on one, Ponder with accounts off
// accepts any. Used by NodeOpenAiClientTest; nothing here is specific to Ponder but the
// `reasoning` field, which is OpenRouter's name for the delta's reasoning text.
import OpenAI from 'openai';

const [baseURL, model, message, key] = process.argv.slice(2);
if (!baseURL || !model || !message) {
  console.error('usage: node stream.mjs <base URL> <model> <message> [api key]');
  process.exit(64);
}

const client = new OpenAI({
  baseURL,
  apiKey: key ?? process.env.OPENAI_API_KEY ?? 'unused',
  maxRetries: 0,
  timeout: 30_000,
});

const seen = { role: null, reasoning: '', reasoning_content: '', content: '', finish_reason: null, usage: null, chunks: 0 };

try {
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: message }],
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of stream) {
    seen.chunks++;
    if (chunk.usage) {
      seen.usage = chunk.usage;
    }
    const choice = chunk.choices[0];
    if (!choice) {
      continue;
    }
    const delta = choice.delta ?? {};
    seen.role ??= delta.role ?? null;
    seen.reasoning += delta.reasoning ?? '';
    seen.reasoning_content += delta.reasoning_content ?? '';
    seen.content += delta.content ?? '';
    seen.finish_reason = choice.finish_reason ?? seen.finish_reason;
  }
  console.log(JSON.stringify(seen));
} catch (error) {
  console.log(JSON.stringify({
    seen,
    error: {
      name: error?.constructor?.name ?? null,
      status: error?.status ?? null,
      message: error?.message ?? String(error),
      code: error?.code ?? null,
      type: error?.type ?? null,
    },
  }));
  process.exit(2);
}
