"""Reads a test dataset with pandas as the engine does: CSV (gzip too) or JSON Lines."""
import pandas as pd


def load(path):
    if path.endswith(".jsonl"):
        # Python's json parses numbers correctly rounded; pandas' read_json (ujson) can miss the last bit.
        import json
        with open(path, encoding="utf-8") as f:
            df = pd.DataFrame([json.loads(line) for line in f if line.strip()])
    else:
        df = pd.read_csv(path, keep_default_na=True)
    # Booleans are text for the metrics (the engine infers 'boolean', a text-statistics type); the
    # generated files spell them true/false.
    for c in df.columns:
        if df[c].dtype == bool:
            df[c] = df[c].map({True: "true", False: "false"})
    return df


def numeric_columns(df):
    return [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])]


def exact(value):
    """Floats as their repr strings: JSON readers may round a double's last digit; strtod does not."""
    if isinstance(value, float):
        return None if value != value else repr(value)
    if isinstance(value, dict):
        return {k: exact(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [exact(v) for v in value]
    return value
