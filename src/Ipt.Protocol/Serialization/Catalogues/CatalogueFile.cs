using System.Globalization;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

/// <summary>One entry of a contributor catalogue file: a technique, and whether it replaces an entry of an earlier catalogue.</summary>
/// <param name="Entry">The technique entry.</param>
/// <param name="Override">Whether the entry replaces an earlier entry with the same id (it must then exist).</param>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record CatalogueFileEntry(TechniqueEntry Entry, bool Override = false)
{
    /// <summary>Gets the path of the entry's id in the file, when read from one.</summary>
    public DocumentPath? Path { get; init; }

    /// <summary>Gets the line and column of the entry's id in the file, when read from one.</summary>
    public DocumentLocation? Location { get; init; }
}

/// <summary>One id a contributor catalogue file disables (removes from the catalogues before it).</summary>
/// <param name="Id">The id to remove.</param>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record CatalogueDisable(TechniqueId Id)
{
    /// <summary>Gets the path of the id in the file, when read from one.</summary>
    public DocumentPath? Path { get; init; }

    /// <summary>Gets the line and column of the id in the file, when read from one.</summary>
    public DocumentLocation? Location { get; init; }
}

/// <summary>
/// A contributor technique catalogue, as read from a JSON file by <see cref="CatalogueJson"/>:
/// entries to add (or, explicitly, to override) and ids to disable. Compose files over the
/// built-in catalogue with <see cref="CatalogueComposer"/>; the format is described in docs/extending.md.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A catalogue file is authored as JSON and only made by
/// <see cref="CatalogueJson"/>; its entries are read through the composed
/// <see cref="Techniques.TechniqueCatalogue"/>, so they are not public here.
/// </remarks>
public sealed record CatalogueFile
{
    internal CatalogueFile()
    {
    }

    /// <summary>Gets the catalogue's name, as the file states it.</summary>
    public required string Name { get; init => field = Guard.RequiredText(value, nameof(Name)); }

    /// <summary>Gets where the file came from (a path or a label given by the caller), used in composition errors.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the entries to add or override, in file order.</summary>
    internal ValueList<CatalogueFileEntry> Entries { get; init; }

    /// <summary>Gets the ids to disable, in file order.</summary>
    internal ValueList<CatalogueDisable> Disable { get; init; }

    /// <summary>Describes the file without its content.</summary>
    /// <returns>A string such as <c>Catalogue file (3 entries, 1 disabled)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Catalogue file ({Entries.Count} entries, {Disable.Count} disabled)");
}
