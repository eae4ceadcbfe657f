using System.Globalization;
using System.Text;

namespace Ipt.Protocol.Rules;

/// <summary>One step of a <see cref="DocumentPath"/>: a property name (in the JSON document's camelCase) or a 0-based index.</summary>
public readonly record struct PathSegment
{
    private PathSegment(string? property, int index)
    {
        Property = property;
        Index = index;
    }

    /// <summary>Gets the property name, or <see langword="null"/> for an index step.</summary>
    public string? Property { get; }

    /// <summary>Gets the 0-based index (meaningful when <see cref="IsIndex"/>).</summary>
    public int Index { get; }

    /// <summary>Gets a value indicating whether the step is an index.</summary>
    public bool IsIndex => Property is null;

    /// <summary>Creates a property step.</summary>
    /// <param name="name">The camelCase property name.</param>
    /// <returns>The step.</returns>
    public static PathSegment Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(name, 0);
    }

    /// <summary>Creates an index step.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The step.</returns>
    public static PathSegment At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new(null, index);
    }

    /// <summary>Describes the step.</summary>
    /// <returns><c>name</c> or <c>[index]</c>.</returns>
    public override string ToString() => Property ?? string.Create(CultureInfo.InvariantCulture, $"[{Index}]");
}

/// <summary>
/// Where in a course document a finding applies, as structured segments and as a string in the
/// document's own names: <c>sessions[3].techniques[0]</c>. The root (the whole course) has no
/// segments and prints as an empty string.
/// </summary>
/// <remarks>Immutable and thread-safe; equality compares the segments.</remarks>
public sealed record DocumentPath : IComparable<DocumentPath>
{
    // Order of the course document's root properties, for a reading-order sort of findings.
    private static readonly string[] RootOrder =
        ["schemaVersion", "protocol", "lifecycle", "patientAge", "setting", "therapist", "group", "onset", "contract", "renegotiations", "formulation", "sickRole", "inventory", "lifeEvents", "assessments", "sessions", "supervision", "goals", "diary"];

    private DocumentPath(ValueList<PathSegment> segments) => Segments = segments;

    /// <summary>Gets the root path: the whole course.</summary>
    public static DocumentPath Root { get; } = new(ValueList<PathSegment>.Empty);

    /// <summary>Gets the segments from the root.</summary>
    public ValueList<PathSegment> Segments { get; }

    /// <summary>Gets a value indicating whether the path is the root.</summary>
    public bool IsRoot => Segments.IsEmpty;

    /// <summary>Creates a path of one root property, such as <c>contract</c>.</summary>
    /// <param name="name">The camelCase property name.</param>
    /// <returns>The path.</returns>
    public static DocumentPath Of(string name) => Root.Property(name);

    /// <summary>Creates the path of a session: <c>sessions[index]</c>.</summary>
    /// <param name="index">The session's position in the course's list.</param>
    /// <returns>The path.</returns>
    public static DocumentPath Session(int index) => Of("sessions").At(index);

    /// <summary>Returns the path extended by a property.</summary>
    /// <param name="name">The camelCase property name.</param>
    /// <returns>The new path.</returns>
    public DocumentPath Property(string name) => new(Segments.Add(PathSegment.Named(name)));

    /// <summary>Returns the path extended by an index.</summary>
    /// <param name="index">The 0-based index.</param>
    /// <returns>The new path.</returns>
    public DocumentPath At(int index) => new(Segments.Add(PathSegment.At(index)));

    /// <summary>Compares paths in reading order of the document: root properties in document order, indexes by number, a parent before its children.</summary>
    /// <param name="other">The other path.</param>
    /// <returns>The ordering.</returns>
    public int CompareTo(DocumentPath? other)
    {
        if (other is null)
        {
            return 1;
        }

        var a = Segments.AsSpan();
        var b = other.Segments.AsSpan();
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(a[i], b[i], i == 0);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes first.</returns>
    public static bool operator <(DocumentPath? left, DocumentPath? right) => Compare(left, right) < 0;

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes first or equal.</returns>
    public static bool operator <=(DocumentPath? left, DocumentPath? right) => Compare(left, right) <= 0;

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes after.</returns>
    public static bool operator >(DocumentPath? left, DocumentPath? right) => Compare(left, right) > 0;

    /// <summary>Compares two paths in reading order.</summary>
    /// <param name="left">The left path.</param>
    /// <param name="right">The right path.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> comes after or equal.</returns>
    public static bool operator >=(DocumentPath? left, DocumentPath? right) => Compare(left, right) >= 0;

    /// <summary>Prints the path in the JSON document's names, such as <c>sessions[3].techniques[0]</c>.</summary>
    /// <returns>The path; empty for the root.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment.IsIndex)
            {
                builder.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(segment.Property);
            }
        }

        return builder.ToString();
    }

    private static int Compare(DocumentPath? left, DocumentPath? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int Compare(PathSegment x, PathSegment y, bool atRoot)
    {
        if (x.IsIndex != y.IsIndex)
        {
            return x.IsIndex ? -1 : 1;
        }

        if (x.IsIndex)
        {
            return x.Index.CompareTo(y.Index);
        }

        if (atRoot)
        {
            var ix = Array.IndexOf(RootOrder, x.Property);
            var iy = Array.IndexOf(RootOrder, y.Property);
            if (ix != iy)
            {
                return (ix < 0 ? int.MaxValue : ix).CompareTo(iy < 0 ? int.MaxValue : iy);
            }
        }

        return string.CompareOrdinal(x.Property, y.Property);
    }
}
