namespace Ipt.Protocol.Serialization;

/// <summary>Where a value is in a JSON document.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="BytePositionInLine">The 0-based byte position in the line.</param>
public readonly record struct JsonLocation(long Line, long BytePositionInLine);
