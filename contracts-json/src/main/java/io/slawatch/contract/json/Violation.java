package io.slawatch.contract.json;

/** One thing wrong with an incoming event, naming the offending field (JSON-pointer-like path). */
public record Violation(String field, String message) {}
