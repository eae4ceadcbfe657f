using System.CommandLine;
using System.Globalization;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Ipt.Protocol.Cli;

/// <summary><c>ipt plan</c>: plans a course's sessions from a protocol and a start date.</summary>
internal static class PlanCommand
{
    internal static Command Create(ProtocolRegistry registry)
    {
        var protocol = new Option<string>("--protocol")
        {
            Description = "The protocol variant's id (see 'ipt protocols').",
            Required = true,
        };
        var start = new Option<LocalDate>("--start")
        {
            Description = "The date of the first session, YYYY-MM-DD.",
            Required = true,
            CustomParser = result => ParseDate(result),
        };
        var sessions = new Option<int?>("--sessions")
        {
            Description = "The number of treatment sessions (default: the protocol's default).",
        };
        var skip = new Option<LocalDate[]>("--skip")
        {
            Description = "A date on which no session is held (repeat for several); the session moves to the next slot. A date on which no session would fall is an error.",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = result => [.. result.Tokens.Select(t => ParseDate(result, t.Value))],
        };
        var outFile = new Option<string?>("--out")
        {
            Description = "Write a new course document with the planned sessions to this file (ready to fill in), instead of printing the table.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "With --out: overwrite the file when it exists.",
        };
        var command = new Command(
            "plan",
            "Plan the sessions of a course: numbers, dates on the protocol's cadence, phases and lengths.\n\nExamples:\n  ipt plan --protocol ipt --start 2026-12-07\n  ipt plan --protocol ipt-a --start 2026-12-07 --sessions 12 --skip 2026-12-28\n  ipt plan --protocol ipt --start 2026-12-07 --out course.json")
        {
            protocol,
            start,
            sessions,
            skip,
            outFile,
            force,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var id = parseResult.GetRequiredValue(protocol);
            if (!ProtocolId.TryFrom(id, out var protocolId) || !registry.TryGet(protocolId, out var definition))
            {
                error.WriteLine($"ipt plan: unknown protocol '{id}'. Known: {string.Join(", ", registry.Select(p => p.Id))}.");
                return IptCli.Failure;
            }

            var options = new ScheduleOptions
            {
                Sessions = parseResult.GetValue(sessions),
                Skip = ValueList.From(parseResult.GetValue(skip) ?? []),
            };
            var count = options.Sessions ?? definition.Sessions.Default;
            if (!definition.Sessions.Contains(count))
            {
                error.WriteLine(definition.Sessions.Min == definition.Sessions.Max
                    ? string.Create(CultureInfo.InvariantCulture, $"ipt plan: --sessions {count}: {definition.Id} has exactly {definition.Sessions.Min} treatment sessions.")
                    : string.Create(CultureInfo.InvariantCulture, $"ipt plan: --sessions {count} is outside {definition.Id}'s range of {definition.Sessions.Min} to {definition.Sessions.Max}."));
                return IptCli.Failure;
            }

            var first = parseResult.GetRequiredValue(start);
            ValueList<Session> planned;
            try
            {
                planned = SchedulePlanner.Plan(definition, first, options);
            }
            catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "start")
            {
                error.WriteLine($"ipt plan: --start {LocalDatePattern.Iso.Format(first)}: the plan would run past the last date of the calendar (9999-12-31).");
                return IptCli.Failure;
            }
            catch (ArgumentException ex) when (ex.ParamName == "skip")
            {
                error.WriteLine("ipt plan: --skip: the skipped dates leave no date to plan a session on.");
                return IptCli.Failure;
            }

            // A skipped date on which no session would fall is a mistake, not something to ignore.
            foreach (var date in options.Skip.Distinct())
            {
                var without = SchedulePlanner.Plan(definition, first, options with { Skip = ValueList.From(options.Skip.Where(d => d != date)) });
                if (!without.Any(s => s.Date == date))
                {
                    error.WriteLine($"ipt plan: --skip {LocalDatePattern.Iso.Format(date)}: no session of the plan falls on that date.");
                    return IptCli.Failure;
                }
            }

            if (parseResult.GetValue(outFile) is { } path)
            {
                if (File.Exists(path) && !parseResult.GetValue(force))
                {
                    error.WriteLine($"ipt plan: {CliInput.Printable(path)}: the file exists; add --force to overwrite it.");
                    return IptCli.Failure;
                }

                var course = new Course(definition.Id) { Sessions = planned };
                try
                {
                    File.WriteAllText(path, Serialization.CourseJson.Default.WriteToString(course) + "\n");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    error.WriteLine($"ipt plan: {path}: cannot write the file: {ex.Message}");
                    return IptCli.Failure;
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: a new {definition.Id} course with {course.Sessions.Count} planned sessions."));
                return IptCli.Success;
            }

            output.Write(Render(definition, planned));
            return IptCli.Success;
        });
        return command;
    }

    internal static string Render(ProtocolDefinition protocol, ValueList<Session> sessions)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine($"{protocol.Name} ({protocol.Id}): {sessions.Count} sessions");
        writer.WriteLine($"{"#",3}  {"date",-10}  {"day",-3}  {"phase",-12}  {"format",-10}  length");
        foreach (var s in sessions)
        {
            var date = s.Date is { } d ? LocalDatePattern.Iso.Format(d) : "-";
            var day = s.Date is { } dd ? dd.DayOfWeek.ToString()[..3] : "-";
            var length = s.Length is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.TotalMinutes:0} min") : "-";
            writer.WriteLine($"{s.Number,3}  {date,-10}  {day,-3}  {s.Phase,-12}  {s.Format,-10}  {length}");
        }

        return writer.ToString();
    }

    private static LocalDate ParseDate(System.CommandLine.Parsing.ArgumentResult result) =>
        result.Tokens.Count == 0 ? default : ParseDate(result, result.Tokens[0].Value);

    private static LocalDate ParseDate(System.CommandLine.Parsing.ArgumentResult result, string text)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        result.AddError($"'{text}' is not a date in the form YYYY-MM-DD.");
        return default;
    }
}
