using System.Text.RegularExpressions;
using Ipt.Protocol.Tests.Docs;

namespace Ipt.Protocol.Tests.Architecture;

/// <summary>
/// The layers of the core are one-way: model ← protocols/scheduling ← outcomes ← fidelity/rules/techniques/rendering ←
/// serialization (← DI and the tool, which are separate projects). Each folder of the core may only
/// name the namespaces below it; this test reads the source so that a stray reference fails the build's tests.
/// </summary>
public partial class LayeringTests
{
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        // folder (relative to src/Ipt.Protocol; "" = the model at the root) → namespaces it must not use
        [""] = ["Protocols", "Scheduling", "Outcomes", "Fidelity", "Rules", "Techniques", "Serialization", "Rendering"],
        ["Protocols"] = ["Scheduling", "Outcomes", "Fidelity", "Rules", "Techniques", "Serialization", "Rendering"],
        ["Scheduling"] = ["Outcomes", "Fidelity", "Rules", "Techniques", "Serialization", "Rendering"],
        ["Outcomes"] = ["Scheduling", "Fidelity", "Rules", "Techniques", "Serialization", "Rendering"],
        ["Fidelity"] = ["Scheduling", "Rules", "Techniques", "Serialization", "Rendering"],
        ["Techniques"] = ["Fidelity", "Rules", "Serialization", "Rendering"],
        ["Rules"] = ["Serialization", "Rendering"],
        ["Rendering"] = ["Rules", "Techniques", "Serialization"],
        ["Serialization"] = ["Rendering"],
    };

    [Fact]
    public void Each_layer_names_only_the_layers_below_it()
    {
        var root = RepoFiles.PathOf("src/Ipt.Protocol");
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var folder = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
            if (!Forbidden.TryGetValue(folder, out var forbidden))
            {
                violations.Add($"{relative}: folder '{folder}' has no place in the layering; add it to this test.");
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match match in NamespaceReference().Matches(text))
            {
                if (forbidden.Contains(match.Groups[1].Value))
                {
                    violations.Add($"{relative}: uses Ipt.Protocol.{match.Groups[1].Value}, a layer above or beside '{(folder.Length == 0 ? "model" : folder)}'.");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void The_core_depends_on_NodaTime_only()
    {
        var project = RepoFiles.Read("src/Ipt.Protocol/Ipt.Protocol.csproj");
        var packages = PackageReference().Matches(project).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["NodaTime"], packages);
        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bIpt\.Protocol\.([A-Z][A-Za-z]+)\b")]
    private static partial Regex NamespaceReference();

    [GeneratedRegex("<PackageReference Include=\"([^\"]+)\"")]
    private static partial Regex PackageReference();
}
