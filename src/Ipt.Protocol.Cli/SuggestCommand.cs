using System.CommandLine;
using System.Globalization;
using System.Text;
using Ipt.Protocol.Cli.Output;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Techniques;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt suggest FILE</c>: the technique advisor's ranked list for a session of a course.</summary>
internal static class SuggestCommand
{
    internal static Command Create(ProtocolRegistry registry)
    {
        var file = CliInput.RefuseOptionLikeFiles(new Argument<string>("FILE") { Description = "The course document (JSON)." });
        var session = new Option<int?>("--session")
        {
            Description = "The session number (default: the next due session).",
        };
        session.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--session must be 1 or more.");
            }
        });
        var top = new Option<int>("--top")
        {
            Description = "How many suggestions to show (default 5).",
            DefaultValueFactory = _ => 5,
        };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--top must be 1 or more.");
            }
        });
        var format = CliInput.FormatOption("text", "json");
        var protocol = new Option<string?>("--protocol") { Description = "Advise for this protocol variant instead of the course's own." };
        var catalogue = ValidateCommand.CatalogueOption();
        var command = new Command(
            "suggest",
            "Suggest techniques for a session of a course, ranked, each with its reason: overdue tasks and the phase's tasks first, then the focus area's strategies. States protocol facts; gives no clinical advice.\n\n" +
            "Examples:\n" +
            "  ipt suggest docs/examples/standard.course.json\n" +
            "  ipt suggest course.json --session 7 --top 3 --format json")
        {
            file,
            session,
            top,
            format,
            protocol,
            catalogue,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var techniques = CliInput.ReadCatalogues(parseResult.GetValue(catalogue) ?? [], error);
            if (techniques is null)
            {
                return IptCli.Failure;
            }

            ProtocolDefinition? forced = null;
            if (parseResult.GetValue(protocol) is { } id && (forced = CliInput.FindProtocol(registry, id, "suggest", error)) is null)
            {
                return IptCli.Failure;
            }

            var path = parseResult.GetRequiredValue(file);
            if (CliInput.ReadCourse(path, error) is not { } course)
            {
                return IptCli.Failure;
            }

            AdviceResult advice;
            try
            {
                advice = Advise(new TechniqueAdvisor(techniques, registry), course.Course, parseResult.GetValue(session), parseResult.GetValue(top), forced);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"ipt suggest: {path}: {ex.Message}");
                return IptCli.Failure;
            }

            if (parseResult.GetValue(session) is { } asked && asked > advice.LastSession)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ipt suggest: --session {asked}: the course has {advice.LastSession} sessions under its contract; ask for one of them."));
                return IptCli.Failure;
            }

            output.Write(parseResult.GetValue(format) == "json" ? RenderJson(path, advice) : RenderText(path, advice));
            return IptCli.Success;
        });
        return command;
    }

    internal static AdviceResult Advise(TechniqueAdvisor advisor, Course course, int? session, int top, ProtocolDefinition? forced) =>
        advisor.Suggest(forced is null ? course : course with { Protocol = forced.Id }, session, top);

    internal static string RenderText(string path, AdviceResult advice)
    {
        var sb = new StringBuilder();
        if (advice.IsCourseComplete)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{path}: the course is complete: every session up to {advice.LastSession}, the last under its contract, is recorded and none is planned; no suggestions (ask for one with --session N)\n");
            return sb.ToString();
        }

        sb.Append(CultureInfo.InvariantCulture, $"{path}: suggestions for session {advice.SessionNumber} of {advice.LastSession} ({Names.Camel(advice.Phase.ToString())} phase, {advice.Protocol}");
        if (advice.PrimaryFocus is { } focus)
        {
            sb.Append(", focus ").Append(Names.Camel(focus.ToString()));
            if (advice.DisputeStage is { } stage)
            {
                sb.Append(" (").Append(Names.Camel(stage.ToString())).Append(')');
            }

            if (advice.SecondaryFocus is { } second)
            {
                sb.Append(", then ").Append(Names.Camel(second.ToString()));
            }
        }

        sb.Append(")\n");
        var rank = 0;
        var width = advice.Suggestions.Select(s => s.Technique.Id.Value.Length).DefaultIfEmpty(0).Max();
        foreach (var s in advice.Suggestions)
        {
            rank++;
            sb.Append(CultureInfo.InvariantCulture, $"  {rank,2}. {s.Technique.Id.Value.PadRight(width)}  {s.Score,5:0.00}  {s.Rationale}\n");
        }

        if (advice.Suggestions.IsEmpty)
        {
            sb.Append("  (no technique applies)\n");
        }

        return sb.ToString();
    }

    internal static string RenderJson(string path, AdviceResult advice) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteString("protocol", advice.Protocol.Value);
        json.WriteNumber("session", advice.SessionNumber);
        json.WriteNumber("lastSession", advice.LastSession);
        json.WriteString("phase", Names.Camel(advice.Phase.ToString()));
        json.WriteBoolean("courseComplete", advice.IsCourseComplete);
        if (advice.PrimaryFocus is { } focus)
        {
            json.WriteString("primaryFocus", Names.Camel(focus.ToString()));
        }

        if (advice.SecondaryFocus is { } second)
        {
            json.WriteString("secondaryFocus", Names.Camel(second.ToString()));
        }

        if (advice.DisputeStage is { } stage)
        {
            json.WriteString("disputeStage", Names.Camel(stage.ToString()));
        }

        json.WriteStartArray("suggestions");
        foreach (var s in advice.Suggestions)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Technique.Id.Value);
            json.WriteString("name", s.Technique.Name);
            json.WriteString("group", Names.Camel(s.Technique.Group.ToString()));
            json.WriteNumber("score", Math.Round(s.Score, 4));
            json.WriteString("reason", Names.Camel(s.Reason.ToString()));
            json.WriteString("rationale", s.Rationale);
            json.WriteString("citation", s.Technique.Citation.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
