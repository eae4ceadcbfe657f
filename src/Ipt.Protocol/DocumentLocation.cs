using System.Globalization;

namespace Ipt.Protocol;

/// <summary>
/// Where something is in a document's text: the 1-based line and the 1-based column, counted in
/// characters (UTF-16 code units, as editors, compilers and SARIF count them). Read errors, the
/// location of a diagnostic's path and catalogue errors all use it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct DocumentLocation
{
    /// <summary>Creates a location.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column, in characters.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is less than 1.</exception>
    public DocumentLocation(int line, int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Line = line;
        Column = column;
    }

    /// <summary>Gets the 1-based line.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column, in characters (UTF-16 code units).</summary>
    public int Column { get; }

    /// <summary>Describes the location.</summary>
    /// <returns>A string such as <c>line 5, column 7</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}");
}
