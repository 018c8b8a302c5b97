"""Writes openrouter-400.json: a synthetic GET /models answer of 400 models in the shape OpenRouter
documents (docs: api-reference/list-available-models, reasoning-tokens), for the picker's tests and
benchmark. Deterministic: the same file every run. Run: python3 generate-openrouter-400.py"""
import json
import random

random.seed(6)
PROVIDERS = {
    "openai": ("OpenAI", ["gpt-5", "gpt-5-mini", "gpt-5-nano", "o3", "o4-mini", "gpt-4.1", "gpt-4o", "gpt-oss-120b", "gpt-oss-20b"]),
    "anthropic": ("Anthropic", ["claude-opus-4.1", "claude-sonnet-4.5", "claude-haiku-4.5", "claude-3.7-sonnet", "claude-3.5-haiku"]),
    "google": ("Google", ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemma-3-27b-it", "gemma-3-12b-it"]),
    "deepseek": ("DeepSeek", ["deepseek-r1", "deepseek-chat-v3.1", "deepseek-v3.2-exp", "deepseek-r1-distill-llama-70b", "deepseek-prover-v2"]),
    "qwen": ("Qwen", ["qwen3-235b-a22b", "qwen3-30b-a3b", "qwen3-32b", "qwen3-coder", "qwq-32b", "qwen3-max", "qwen3-next-80b-a3b-thinking"]),
    "meta-llama": ("Meta", ["llama-4-maverick", "llama-4-scout", "llama-3.3-70b-instruct", "llama-3.1-405b-instruct", "llama-3.1-8b-instruct"]),
    "mistralai": ("Mistral", ["mistral-large-2411", "mistral-medium-3.1", "magistral-medium-2506", "magistral-small-2506", "codestral-2508", "devstral-medium"]),
    "x-ai": ("xAI", ["grok-4", "grok-4-fast", "grok-3-mini", "grok-code-fast-1"]),
    "moonshotai": ("MoonshotAI", ["kimi-k2", "kimi-k2-thinking", "kimi-dev-72b"]),
    "z-ai": ("Z.AI", ["glm-4.6", "glm-4.5", "glm-4.5-air", "glm-4.5v"]),
    "nousresearch": ("Nous", ["hermes-4-405b", "hermes-4-70b", "deephermes-3-mistral-24b-preview"]),
    "microsoft": ("Microsoft", ["phi-4-reasoning-plus", "phi-4", "mai-ds-r1"]),
    "cohere": ("Cohere", ["command-a", "command-r-plus-08-2024", "command-r7b-12-2024"]),
    "perplexity": ("Perplexity", ["sonar-reasoning-pro", "sonar-pro", "sonar-deep-research"]),
    "minimax": ("MiniMax", ["minimax-m2", "minimax-m1"]),
    "baidu": ("Baidu", ["ernie-4.5-300b-a47b", "ernie-4.5-21b-a3b-thinking"]),
    "nvidia": ("NVIDIA", ["llama-3.3-nemotron-super-49b-v1.5", "nemotron-nano-9b-v2"]),
    "amazon": ("Amazon", ["nova-premier-v1", "nova-pro-v1", "nova-lite-v1"]),
    "ai21": ("AI21", ["jamba-large-1.7", "jamba-mini-1.7"]),
    "inception": ("Inception", ["mercury", "mercury-coder"]),
}
SUFFIXES = ["", ":free", "-preview", "-0905", "-2507", ":thinking", "-instruct", "-exp", ":nitro", "-turbo", "-lite", "-beta"]
EFFORT_SHAPES = [
    (["high", "medium", "low", "minimal", "none"], "medium", False, True),
    (["xhigh", "high", "medium", "low", "minimal", "none"], "medium", False, True),
    (["high", "medium", "low"], "medium", False, False),
    ([], None, True, False),
    ([], None, False, True),
    (["high", "low"], "high", True, False),
]

models = []
seen = set()
pairs = [(slug, family) for slug, (_, families) in PROVIDERS.items() for family in families]
while len(models) < 400:
    slug, family = random.choice(pairs)
    suffix = random.choice(SUFFIXES) if len(models) >= len(pairs) else ""
    model_id = f"{slug}/{family}{suffix}"
    if model_id in seen:
        continue
    seen.add(model_id)
    vendor = PROVIDERS[slug][0]
    label = family.replace("-", " ").title().replace("Gpt", "GPT").replace("Glm", "GLM")
    extra = {":free": " (free)", ":thinking": " (thinking)", ":nitro": " (nitro)"}.get(suffix, suffix.replace("-", " ").title())
    reasons = any(word in model_id for word in ("r1", "o3", "o4", "thinking", "reasoning", "qwq", "magistral", "gpt-5", "claude", "gemini-2.5", "grok", "glm-4", "kimi-k2", "minimax", "oss", "qwen3")) or random.random() < 0.15
    free = suffix == ":free"
    prompt = 0 if free else random.choice([0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 1.25, 2, 3, 5, 15])
    completion = 0 if free else round(prompt * random.choice([1, 2, 3, 4, 5, 8]), 4)
    context = random.choice([8192, 32768, 65536, 131072, 163840, 200000, 262144, 400000, 1000000, 1048576])
    parameters = ["max_tokens", "temperature", "top_p", "stop", "seed", "frequency_penalty", "presence_penalty"]
    if random.random() < 0.6:
        parameters += ["tools", "tool_choice"]
    if random.random() < 0.4:
        parameters += ["response_format", "structured_outputs"]
    entry = {
        "id": model_id,
        "canonical_slug": model_id.split(":")[0] + "-" + str(20250000 + random.randint(101, 1231)),
        "hugging_face_id": "" if random.random() < 0.5 else f"{vendor.lower()}/{family}",
        "name": f"{vendor}: {label}{extra}",
        "created": 1700000000 + random.randint(0, 60000000),
        "description": f"{vendor}'s {label}. A synthetic entry for Ponder's tests, in the documented shape.",
        "context_length": context,
        "architecture": {
            "modality": random.choice(["text->text", "text+image->text"]),
            "input_modalities": ["text"] + (["image"] if random.random() < 0.4 else []),
            "output_modalities": ["text"],
            "tokenizer": vendor,
            "instruct_type": None,
        },
        "pricing": {
            "prompt": f"{prompt / 1_000_000:.10f}".rstrip("0").rstrip(".") or "0",
            "completion": f"{completion / 1_000_000:.10f}".rstrip("0").rstrip(".") or "0",
            "request": "0",
            "image": "0",
            "web_search": "0",
            "internal_reasoning": "0",
        },
        "top_provider": {"context_length": context, "max_completion_tokens": random.choice([4096, 16384, 32768, 65536, None]), "is_moderated": random.random() < 0.3},
        "per_request_limits": None,
        "supported_parameters": sorted(parameters + (["include_reasoning", "reasoning"] if reasons else [])),
        "default_parameters": {"temperature": None, "top_p": None, "frequency_penalty": None},
    }
    if reasons:
        efforts, default, mandatory, budget = random.choice(EFFORT_SHAPES)
        entry["reasoning"] = {
            "supported_efforts": efforts,
            "default_effort": default,
            "default_enabled": mandatory or random.random() < 0.5,
            "mandatory": mandatory,
            "supports_max_tokens": budget,
        }
    models.append(entry)

models.append({"id": "openrouter/auto", "canonical_slug": "openrouter/auto", "name": "Auto Router",
               "created": 1699401600, "description": "Picks a model for each prompt.", "context_length": 2000000,
               "architecture": {"modality": "text->text", "input_modalities": ["text"], "output_modalities": ["text"],
                                "tokenizer": "Router", "instruct_type": None},
               "pricing": {"prompt": "-1", "completion": "-1"},
               "top_provider": {"context_length": None, "max_completion_tokens": None, "is_moderated": False},
               "per_request_limits": None, "supported_parameters": []})

with open("openrouter-400.json", "w") as out:
    json.dump({"data": models}, out, indent=1)
    out.write("\n")
print(len(models), "models")
