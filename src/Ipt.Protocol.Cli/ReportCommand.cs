using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ipt.Protocol.Cli.Output;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;
using Ipt.Protocol.Serialization;

namespace Ipt.Protocol.Cli;

/// <summary>
/// <c>ipt report FILE.jsonl</c>: the caseload summary of a JSON Lines file of courses (one course
/// document per line): statuses, dropout, finished courses of treatment, the median sessions
/// attended, outcome counts and rates per instrument and on the pair of measures, and how many
/// courses have findings and safety findings. Numbers and ids only.
/// </summary>
internal static class ReportCommand
{
    internal static Command Create(ProtocolRegistry registry)
    {
        var file = CliInput.RefuseOptionLikeFiles(new Argument<string>("FILE")
        {
            Description = "A JSON Lines file: one course document per line (UTF-8).",
        });
        var format = CliInput.FormatOption("text", "json");
        var parallel = new Option<int?>("--parallel")
        {
            Description = "The most courses worked on at once (default: the number of cores).",
        };
        var command = new Command(
            "report",
            "Summarise a caseload: read and validate every course of a JSON Lines file (one course document per line) and print the figures a service reports " +
            "(active, completed and ended-early courses, dropout rate, finished courses of treatment, median sessions attended, recovery, reliable improvement, " +
            "reliable recovery, reliable deterioration, response and remission per instrument and on the PHQ-9 + GAD-7 pair, courses with findings and with safety findings). " +
            "Unreadable lines are listed on standard error and counted. Exit code 0: every line was read; 2: a line or the file cannot be read, or bad usage.\n\n" +
            "Examples:\n" +
            "  ipt report docs/examples/caseload.jsonl\n" +
            "  ipt report caseload.jsonl --format json")
        {
            file,
            format,
            parallel,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(file)!;
            if (parseResult.GetValue(parallel) is < 1)
            {
                error.WriteLine("ipt report: --parallel must be at least 1.");
                return IptCli.Failure;
            }

            Stream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error.WriteLine($"{CliInput.Printable(path)}: {CliInput.ReasonOf(ex)}");
                return IptCli.Failure;
            }

            var validator = new CourseValidator(new ValidatorOptions { Protocols = registry });
            var calculator = new OutcomeCalculator(new OutcomeOptions { Protocols = registry });
            var tally = new CaseloadTally();
            using (stream)
            {
                foreach (var line in CourseJson.Default.ValidateLinesAsync(stream, validator, parseResult.GetValue(parallel)).ToBlockingEnumerable())
                {
                    if (line.Course is not { } course)
                    {
                        tally.Unreadable++;
                        CliInput.WriteErrors(path, line.ReadErrors, error, line.LineNumber);
                        continue;
                    }

                    tally.Add(line.Report);
                    if (calculator.TryCalculate(course, out var outcome))
                    {
                        tally.Summary.Add(outcome);
                    }
                    else
                    {
                        tally.UnknownProtocol++;
                    }
                }
            }

            output.Write(parseResult.GetValue(format) == "json" ? Json(path, tally) : Text(path, tally));
            return tally.Unreadable > 0 ? IptCli.Failure : IptCli.Success;
        });
        return command;
    }

    /// <summary>The text report: one line per figure, numbers and ids only.</summary>
    internal static string Text(string path, CaseloadTally tally)
    {
        var s = tally.Summary.ToSummary();
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{CliInput.Printable(path)}: {Names.Count(tally.Read, "course")} read, {Names.Count(tally.Unreadable, "unreadable line")}");
        if (tally.UnknownProtocol > 0)
        {
            sb.Append(inv, $", {tally.UnknownProtocol} with an unknown protocol (not in the outcomes)");
        }

        sb.Append('\n');
        var median = s.MedianAttendedSessions is { } m ? m.ToString("0.#", inv) : "n/a";
        sb.Append(inv, $"courses: {s.Active} active, {s.Completed} completed, {s.EndedEarly} ended early (dropout rate {Percent(s.DropoutRate)}); ");
        sb.Append(inv, $"{s.StatusInferred} with the status inferred (no lifecycle); {s.FinishedTreatment} finished treatment (2 or more sessions); median {median} treatment sessions attended by the ended courses\n");
        sb.Append(inv, $"findings: {tally.WithErrors} courses with errors, {tally.WithWarnings} with warnings; {tally.WithSafety} with a safety finding\n");
        var pair = s.Paired.Courses > 0 ? "pair" : "pair (no finished course has baselines of both)";
        sb.Append(inv, $"{pair}: {Counts(s.Paired)}\n");
        foreach (var instrument in s.Instruments)
        {
            sb.Append(inv, $"{instrument.Instrument}: {Counts(instrument.Counts)}\n");
        }

        return sb.ToString();
    }

    /// <summary>The JSON report: the same figures, with every count and rate.</summary>
    internal static string Json(string path, CaseloadTally tally)
    {
        var s = tally.Summary.ToSummary();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteNumber("read", tally.Read);
            json.WriteNumber("unreadable", tally.Unreadable);
            json.WriteNumber("unknownProtocol", tally.UnknownProtocol);
            json.WriteNumber("courses", s.Courses);
            json.WriteNumber("active", s.Active);
            json.WriteNumber("completed", s.Completed);
            json.WriteNumber("endedEarly", s.EndedEarly);
            json.WriteNumber("statusInferred", s.StatusInferred);
            json.WriteNumber("finishedTreatment", s.FinishedTreatment);
            Rate(json, "dropoutRate", s.DropoutRate);
            if (s.MedianAttendedSessions is { } median)
            {
                json.WriteNumber("medianAttendedSessions", median);
            }
            else
            {
                json.WriteNull("medianAttendedSessions");
            }

            json.WriteStartArray("endedByAttendedSessions");
            foreach (var n in s.EndedByAttendedSessions)
            {
                json.WriteNumberValue(n);
            }

            json.WriteEndArray();
            json.WriteStartObject("findings");
            json.WriteNumber("coursesWithErrors", tally.WithErrors);
            json.WriteNumber("coursesWithWarnings", tally.WithWarnings);
            json.WriteNumber("coursesWithSafetyFindings", tally.WithSafety);
            json.WriteEndObject();
            json.WritePropertyName("paired");
            WriteCounts(json, s.Paired);
            json.WriteStartObject("instruments");
            foreach (var instrument in s.Instruments)
            {
                json.WritePropertyName(instrument.Instrument.Value);
                WriteCounts(json, instrument.Counts);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Counts(OutcomeCounts c) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Names.Count(c.Courses, "finished course")}, {c.Paired} with a first and last score; recovered {c.Recovered} ({Percent(c.RecoveryRate)}), " +
        $"reliable recovery {c.ReliableRecovery} ({Percent(c.ReliableRecoveryRate)}), reliable improvement {c.ReliableImprovement} ({Percent(c.ReliableImprovementRate)}), " +
        $"no reliable change {c.NoReliableChange}, reliable deterioration {c.ReliableDeterioration} ({Percent(c.ReliableDeteriorationRate)}), " +
        $"response {c.Responded} ({Percent(c.ResponseRate)}), remission {c.InRemission} ({Percent(c.RemissionRate)})");

    private static void WriteCounts(Utf8JsonWriter json, OutcomeCounts c)
    {
        json.WriteStartObject();
        json.WriteNumber("courses", c.Courses);
        json.WriteNumber("paired", c.Paired);
        json.WriteNumber("atCaseness", c.AtCaseness);
        json.WriteNumber("notAtCaseness", c.NotAtCaseness);
        json.WriteNumber("casenessNotComputable", c.CasenessNotComputable);
        json.WriteNumber("recovered", c.Recovered);
        json.WriteNumber("notRecovered", c.NotRecovered);
        json.WriteNumber("recoveryNotComputable", c.RecoveryNotComputable);
        json.WriteNumber("reliableRecovery", c.ReliableRecovery);
        json.WriteNumber("reliableRecoveryNotComputable", c.ReliableRecoveryNotComputable);
        json.WriteNumber("reliableImprovement", c.ReliableImprovement);
        json.WriteNumber("noReliableChange", c.NoReliableChange);
        json.WriteNumber("reliableDeterioration", c.ReliableDeterioration);
        json.WriteNumber("reliableChangeNotComputable", c.ReliableChangeNotComputable);
        json.WriteNumber("responded", c.Responded);
        json.WriteNumber("notResponded", c.NotResponded);
        json.WriteNumber("responseNotComputable", c.ResponseNotComputable);
        json.WriteNumber("inRemission", c.InRemission);
        json.WriteNumber("notInRemission", c.NotInRemission);
        json.WriteNumber("remissionNotComputable", c.RemissionNotComputable);
        Rate(json, "recoveryRate", c.RecoveryRate);
        Rate(json, "reliableRecoveryRate", c.ReliableRecoveryRate);
        Rate(json, "reliableImprovementRate", c.ReliableImprovementRate);
        Rate(json, "noReliableChangeRate", c.NoReliableChangeRate);
        Rate(json, "reliableDeteriorationRate", c.ReliableDeteriorationRate);
        Rate(json, "responseRate", c.ResponseRate);
        Rate(json, "remissionRate", c.RemissionRate);
        json.WriteEndObject();
    }

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static void Rate(Utf8JsonWriter json, string name, double? rate)
    {
        if (rate is { } r)
        {
            json.WriteNumber(name, Math.Round(r, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>What the report counts besides the outcome summary.</summary>
    internal sealed class CaseloadTally
    {
        public CaseloadSummary.Builder Summary { get; } = new();

        public int Read { get; private set; }

        public int Unreadable { get; set; }

        public int UnknownProtocol { get; set; }

        public int WithErrors { get; private set; }

        public int WithWarnings { get; private set; }

        public int WithSafety { get; private set; }

        public void Add(ValidationReport report)
        {
            Read++;
            WithErrors += report.HasErrors ? 1 : 0;
            WithWarnings += report.HasWarnings ? 1 : 0;
            foreach (var d in report.Diagnostics)
            {
                if (d.Descriptor.IsSafety)
                {
                    WithSafety++;
                    break;
                }
            }
        }
    }
}
