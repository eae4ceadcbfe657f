using System.CommandLine;
using System.Globalization;
using System.Text;
using Ipt.Protocol.Cli.Output;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt techniques</c>: lists the technique catalogue, built in and composed from catalogue files.</summary>
internal static class TechniquesCommand
{
    private static readonly Phase[] Phases = Enum.GetValues<Phase>();

    internal static Command Create()
    {
        var format = CliInput.FormatOption("text", "json");
        var catalogue = ValidateCommand.CatalogueOption();
        var command = new Command(
            "techniques",
            "List the technique catalogue: id, group, the phases where each applies, and its source. With --catalogue, the catalogue composed from the given files.\n\n" +
            "Examples:\n" +
            "  ipt techniques\n" +
            "  ipt techniques --catalogue docs/examples/catalogue.example.json --format json")
        {
            format,
            catalogue,
        };
        command.SetAction(parseResult =>
        {
            var techniques = CliInput.ReadCatalogues(parseResult.GetValue(catalogue) ?? [], parseResult.InvocationConfiguration.Error);
            if (techniques is null)
            {
                return IptCli.Failure;
            }

            parseResult.InvocationConfiguration.Output.Write(parseResult.GetValue(format) == "json" ? RenderJson(techniques) : RenderText(techniques));
            return IptCli.Success;
        });
        return command;
    }

    internal static string RenderText(TechniqueCatalogue catalogue)
    {
        var sb = new StringBuilder();
        foreach (var t in catalogue)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{t.Id.Value,-34} {Names.Camel(t.Group.ToString()),-23} {string.Join(",", PhasesOf(t)),-51} [{t.Citation}]\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"{catalogue.Count} techniques. Details: docs/techniques.md\n");
        return sb.ToString();
    }

    internal static string RenderJson(TechniqueCatalogue catalogue) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("techniques");
        foreach (var t in catalogue)
        {
            json.WriteStartObject();
            json.WriteString("id", t.Id.Value);
            json.WriteString("name", t.Name);
            json.WriteString("group", Names.Camel(t.Group.ToString()));
            json.WriteBoolean("ipt", t.IsIpt);
            json.WriteStartArray("phases");
            foreach (var phase in PhasesOf(t))
            {
                json.WriteStringValue(phase);
            }

            json.WriteEndArray();
            if (!t.Variants.IsEmpty)
            {
                json.WriteStartArray("variants");
                foreach (var v in t.Variants)
                {
                    json.WriteStringValue(v.Value);
                }

                json.WriteEndArray();
            }

            json.WriteString("citation", t.Citation.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static IEnumerable<string> PhasesOf(TechniqueEntry entry) =>
        Phases.Where(entry.AppliesIn).Select(p => Names.Camel(p.ToString()));
}
