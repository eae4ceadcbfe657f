using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Serialization;

/// <summary>
/// Composes catalogues into one immutable <see cref="TechniqueCatalogue"/>: a base catalogue (by
/// default the built-in one), then contributor files in the order given. Within a file its entries
/// are applied first, then its <c>disable</c> list.
/// </summary>
/// <remarks>
/// <para>Rules: an entry whose id already exists is an error unless it says <c>"override": true</c>;
/// an override whose id does not exist is an error; disabling an id that does not exist is an
/// error. A disabled id may be added again by a later file, as a plain (not override) entry.</para>
/// <para>Every problem of every file is reported; when there is any, no catalogue is returned
/// (a bad catalogue never half-loads). Stateless and thread-safe.</para>
/// </remarks>
public static class CatalogueComposer
{
    /// <summary>Composes contributor files over the built-in catalogue.</summary>
    /// <param name="files">The files, applied in order.</param>
    /// <returns>The composed catalogue, or every problem found.</returns>
    public static ReadResult<TechniqueCatalogue> Compose(IEnumerable<CatalogueFile> files) => Compose(TechniqueCatalogue.BuiltIn, files);

    /// <summary>Composes contributor files over a base catalogue.</summary>
    /// <param name="baseCatalogue">The catalogue to start from.</param>
    /// <param name="files">The files, applied in order.</param>
    /// <returns>The composed catalogue, or every problem found.</returns>
    public static ReadResult<TechniqueCatalogue> Compose(TechniqueCatalogue baseCatalogue, IEnumerable<CatalogueFile> files)
    {
        ArgumentNullException.ThrowIfNull(baseCatalogue);
        ArgumentNullException.ThrowIfNull(files);
        var entries = new Dictionary<TechniqueId, TechniqueEntry>();
        var origins = new Dictionary<TechniqueId, string>();
        foreach (var entry in baseCatalogue)
        {
            entries.Add(entry.Id, entry);
            origins.Add(entry.Id, "the base catalogue");
        }

        var errors = new List<DocumentError>();
        var position = 0;
        foreach (var file in files)
        {
            ArgumentNullException.ThrowIfNull(file, nameof(files));
            position++;
            var label = Label(file, position);
            foreach (var added in file.Entries)
            {
                var id = added.Entry.Id;
                var exists = entries.ContainsKey(id);
                if (added.Override && !exists)
                {
                    errors.Add(Error(label, added.Path, added.Location, "\"override\" is true but no earlier catalogue has this id."));
                }
                else if (!added.Override && exists)
                {
                    errors.Add(Error(label, added.Path, added.Location, $"The id already exists in {origins[id]}; set \"override\": true to replace it."));
                }

                entries[id] = added.Entry;
                origins[id] = label;
            }

            foreach (var disabled in file.Disable)
            {
                if (!entries.Remove(disabled.Id))
                {
                    errors.Add(Error(label, disabled.Path, disabled.Location, "No earlier catalogue has this id, so it cannot be disabled."));
                }

                origins.Remove(disabled.Id);
            }
        }

        return errors.Count > 0
            ? ReadResult<TechniqueCatalogue>.ForErrors(errors)
            : ReadResult<TechniqueCatalogue>.ForValue(TechniqueCatalogue.Create(entries.Values));
    }

    /// <summary>Reads catalogue files and composes them over the built-in catalogue; problems of every file are reported together.</summary>
    /// <param name="paths">The files' paths, applied in order.</param>
    /// <returns>The composed catalogue, or every problem found.</returns>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ReadResult<TechniqueCatalogue> ComposeFiles(IEnumerable<string> paths) => ComposeFiles(TechniqueCatalogue.BuiltIn, paths);

    /// <summary>Reads catalogue files and composes them over a base catalogue; problems of every file are reported together.</summary>
    /// <param name="baseCatalogue">The catalogue to start from.</param>
    /// <param name="paths">The files' paths, applied in order.</param>
    /// <returns>The composed catalogue, or every problem found.</returns>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static ReadResult<TechniqueCatalogue> ComposeFiles(TechniqueCatalogue baseCatalogue, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<CatalogueFile>();
        var errors = new List<DocumentError>();
        foreach (var path in paths)
        {
            var read = CatalogueJson.Default.TryReadFile(path);
            if (read.TryGetValue(out var file))
            {
                files.Add(file);
            }
            else
            {
                foreach (var error in read.Errors)
                {
                    errors.Add(new DocumentError(error.Code, error.Path, $"In catalogue '{path}': {error.Message}", error.Location));
                }
            }
        }

        return errors.Count > 0 ? ReadResult<TechniqueCatalogue>.ForErrors(errors) : Compose(baseCatalogue, files);
    }

    private static string Label(CatalogueFile file, int position) =>
        $"catalogue '{file.Source ?? file.Name}' (file {position})";

    private static DocumentError Error(string label, DocumentPath? path, DocumentLocation? location, string message) =>
        new(DocumentErrorCodes.Composition, path ?? DocumentPath.Root, $"In {label}: {message}", location);
}
