using System.Globalization;
using System.Text.Json;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Rules;

namespace Ipt.Protocol.Cli.Output;

/// <summary>
/// What a report says about a course besides its findings, in words and in JSON: attendance, the
/// outcome so far, and the safety checks the user switched off or demoted (which every output states).
/// Numbers, ids and library words only: never a label or free text.
/// </summary>
internal static class RecordSummary
{
    /// <summary>"safety checks changed: IPT0704 disabled", or null when none changed.</summary>
    public static string? SafetyLine(ValidationReport report) =>
        report.SafetyChecksChanged.IsEmpty ? null : "safety checks changed: " + string.Join(", ", report.SafetyChecksChanged);

    /// <summary>"attendance: 11 of 12 contracted treatment sessions attended, 1 did not attend, 0 cancelled; attendance rate 92 % of the sessions offered", or null before any treatment session is recorded.</summary>
    public static string? AttendanceLine(AttendanceSummary a)
    {
        var cancelled = a.CancelledByPatient + a.CancelledByService + a.CancelledUnspecified;
        if (a.Attended + a.DidNotAttend + cancelled == 0)
        {
            return null;
        }

        var rate = a.Rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"; attendance rate {r * 100:0} % of the sessions offered") : string.Empty;
        var makeUps = a.MakeUps > 0 ? string.Create(CultureInfo.InvariantCulture, $", {a.MakeUps} {(a.MakeUps == 1 ? "make-up" : "make-ups")}") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"attendance: {a.Attended} of {a.Contracted} contracted treatment sessions attended, {a.DidNotAttend} did not attend, {cancelled} cancelled{makeUps}{rate}");
    }

    /// <summary>"outcome (completed; finished treatment: 2 or more sessions): phq-9 18 → 6 (recovered, reliable improvement, response, remission)", or null when the primary instrument has no score.</summary>
    public static string? OutcomeLine(CourseOutcome? outcome)
    {
        if (outcome?.Primary is not { First: { } first } primary)
        {
            return null;
        }

        var status = outcome.Status switch
        {
            CourseStatus.Active => "so far, active",
            CourseStatus.Completed => "completed",
            _ => "ended early",
        };
        var finished = outcome.IsFinishedTreatment ? "; finished treatment: 2 or more sessions" : string.Empty;
        if (primary.Last is not { } last)
        {
            return string.Create(CultureInfo.InvariantCulture, $"outcome ({status}{finished}): {primary.Instrument} {first.Value}, no later score yet");
        }

        var words = Classifications(primary).ToList();
        var detail = words.Count == 0 ? string.Empty : " (" + string.Join(", ", words) + ")";
        return string.Create(CultureInfo.InvariantCulture, $"outcome ({status}{finished}): {primary.Instrument} {first.Value} → {last.Value}{detail}");
    }

    /// <summary>The computed classifications of an instrument's outcome, in words (not computable or undefined ones are left out).</summary>
    public static IEnumerable<string> Classifications(InstrumentOutcome o)
    {
        if (o.Recovery == RecoveryStatus.Recovered)
        {
            yield return "recovered";
        }
        else if (o.Recovery == RecoveryStatus.NotRecovered)
        {
            yield return "not recovered";
        }
        else if (o.Recovery == RecoveryStatus.NotAtCaseness)
        {
            yield return "not at caseness at the start";
        }

        switch (o.ReliableChange)
        {
            case ReliableChangeStatus.ReliableImprovement:
                yield return "reliable improvement";
                break;
            case ReliableChangeStatus.ReliableDeterioration:
                yield return "reliable deterioration";
                break;
            case ReliableChangeStatus.NoReliableChange:
                yield return "no reliable change";
                break;
        }

        if (o.Response is OutcomeState.Yes or OutcomeState.No)
        {
            yield return o.Response == OutcomeState.Yes ? "response" : "no response";
        }

        if (o.Remission is OutcomeState.Yes or OutcomeState.No)
        {
            yield return o.Remission == OutcomeState.Yes ? "remission" : "no remission";
        }
    }

    /// <summary>Writes <c>rulesRun</c>, <c>safetyChecksChanged</c>, <c>attendance</c> and <c>outcome</c> into the current JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter json, ValidationReport report, CourseOutcome? outcome)
    {
        json.WriteNumber("rulesRun", report.RulesRun);
        json.WriteStartArray("safetyChecksChanged");
        foreach (var change in report.SafetyChecksChanged)
        {
            json.WriteStartObject();
            json.WriteString("id", change.Id);
            json.WriteString("now", change.Severity is { } s ? Names.Severity(s) : "disabled");
            json.WriteString("defaultSeverity", Names.Severity(change.DefaultSeverity));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var a = report.Attendance;
        json.WriteStartObject("attendance");
        json.WriteNumber("contracted", a.Contracted);
        json.WriteNumber("attended", a.Attended);
        json.WriteNumber("didNotAttend", a.DidNotAttend);
        json.WriteNumber("cancelledByPatient", a.CancelledByPatient);
        json.WriteNumber("cancelledByService", a.CancelledByService);
        json.WriteNumber("cancelledUnspecified", a.CancelledUnspecified);
        json.WriteNumber("planned", a.Planned);
        json.WriteNumber("makeUps", a.MakeUps);
        if (a.Rate is { } rate)
        {
            json.WriteNumber("rate", Math.Round(rate, 4));
        }

        json.WriteEndObject();
        if (outcome is null)
        {
            return;
        }

        json.WriteStartObject("outcome");
        json.WriteString("status", Names.Camel(outcome.Status.ToString()));
        json.WriteBoolean("statusInferred", outcome.IsStatusInferred);
        json.WriteBoolean("finishedTreatment", outcome.IsFinishedTreatment);
        json.WriteStartArray("instruments");
        foreach (var o in outcome.Instruments)
        {
            json.WriteStartObject();
            json.WriteString("instrument", o.Instrument.Value);
            WritePoint(json, "first", o.First);
            WritePoint(json, "last", o.Last);
            json.WriteString("casenessAtStart", Names.Camel(o.CasenessAtStart.ToString()));
            json.WriteString("recovery", Names.Camel(o.Recovery.ToString()));
            json.WriteString("reliableChange", Names.Camel(o.ReliableChange.ToString()));
            json.WriteString("reliableRecovery", Names.Camel(o.ReliableRecovery.ToString()));
            json.WriteString("response", Names.Camel(o.Response.ToString()));
            json.WriteString("remission", Names.Camel(o.Remission.ToString()));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var p = outcome.Paired;
        json.WriteStartObject("paired");
        json.WriteString("depression", p.Depression.Value);
        json.WriteString("anxiety", p.Anxiety.Value);
        json.WriteString("casenessAtStart", Names.Camel(p.CasenessAtStart.ToString()));
        json.WriteString("recovery", Names.Camel(p.Recovery.ToString()));
        json.WriteString("reliableChange", Names.Camel(p.ReliableChange.ToString()));
        json.WriteString("reliableRecovery", Names.Camel(p.ReliableRecovery.ToString()));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter json, string name, ScorePoint? point)
    {
        if (point is not { } p)
        {
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("score", p.Value);
        json.WriteString("path", p.Path.ToString());
        json.WriteEndObject();
    }
}
