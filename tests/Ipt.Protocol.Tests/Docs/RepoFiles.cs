using Ipt.Protocol.Tests.Snapshots;

namespace Ipt.Protocol.Tests.Docs;

/// <summary>Paths of files in the repository, from the test's output folder. Comparing files is <see cref="Snapshot"/>'s job.</summary>
internal static class RepoFiles
{
    public static string Root => Snapshot.RepositoryRoot;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative)).ReplaceLineEndings("\n");
}
