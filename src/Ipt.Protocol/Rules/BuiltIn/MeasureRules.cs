using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;
using static Ipt.Protocol.Rules.BuiltIn.RuleHelpers;
using static Ipt.Protocol.Rules.DiagnosticArgument;

namespace Ipt.Protocol.Rules.BuiltIn;

/// <summary>IPT0701: a score outside its instrument's range. Candidate 36.</summary>
internal sealed class ScoreRangeRule : CourseRule
{
    public static readonly ScoreRangeRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0701",
        "Score outside the instrument's range",
        "The {instrument} score {score} in session {number} is outside the instrument's range {min} to {max}.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "CONVENTION"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var measures = sessions[i].Measures.AsSpan();
            for (var j = 0; j < measures.Length; j++)
            {
                var measure = measures[j];
                if (!context.Instruments.TryGet(measure.Instrument, out var instrument))
                {
                    continue;
                }

                var score = measure.Value;
                if (score < instrument.TotalMin || score > instrument.TotalMax)
                {
                    var path = DocumentPath.Session(i).Property("measures").At(j).Property(measure.Mean is not null ? "mean" : measure.Total is null ? "items" : "total");
                    sink.Report(
                        Descriptor,
                        path,
                        From("instrument", measure.Instrument),
                        FromLibraryText("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        From("number", sessions[i].Number),
                        From("min", instrument.TotalMin),
                        From("max", instrument.TotalMax));
                }
            }
        }
    }
}

/// <summary>IPT0702: a recorded total that disagrees with the sum of the item scores. Candidate 36 (consistency).</summary>
internal sealed class TotalMatchesItemsRule : CourseRule
{
    public static readonly TotalMatchesItemsRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0702",
        "Total disagrees with the item scores",
        "The {instrument} total {total} in session {number} is not the sum of its item scores ({sum}).",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "CONVENTION"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var measures = sessions[i].Measures.AsSpan();
            for (var j = 0; j < measures.Length; j++)
            {
                var measure = measures[j];
                if (measure.Total is not { } total || measure.Items.IsEmpty)
                {
                    continue;
                }

                var sum = 0L;
                foreach (var item in measure.Items)
                {
                    sum += item;
                }

                if (sum != total)
                {
                    sink.Report(
                        Descriptor,
                        DocumentPath.Session(i).Property("measures").At(j).Property("total"),
                        From("instrument", measure.Instrument),
                        From("total", total),
                        From("number", sessions[i].Number),
                        From("sum", sum));
                }
            }
        }
    }
}

/// <summary>IPT0703: more held sessions pass without the primary measure than the variant's interval. Candidate 37.</summary>
internal sealed class MonitoringGapRule : CourseRule
{
    public static readonly MonitoringGapRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0703",
        "Monitoring gap longer than the measurement interval",
        "Held sessions in a row without a {instrument} measure, up to session {number}: {count}; the {protocol} protocol's measurement interval, in held sessions: {interval}.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "IPTI", "MARK"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var primary = context.Protocol.PrimaryInstrument;
        var interval = context.Protocol.MeasurementIntervalSessions;
        var sessions = context.Course.Sessions.AsSpan();
        var since = 0;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (!session.IsHeld || !context.Timeline.IsTreatment(session))
            {
                continue;
            }

            if (IndexOfMeasure(session, primary) >= 0)
            {
                since = 0;
                continue;
            }

            since++;
            if (since >= interval)
            {
                sink.Report(
                    Descriptor,
                    DocumentPath.Session(i).Property("measures"),
                    From("number", session.Number),
                    From("count", since),
                    From("instrument", primary),
                    ProtocolArg(context),
                    From("interval", interval));
                since = 0;
            }
        }
    }
}

/// <summary>IPT0705: no improvement by mid-treatment and no plan review. Candidate 39.</summary>
internal sealed class MidTreatmentReviewRule : CourseRule
{
    public static readonly MidTreatmentReviewRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0705",
        "No improvement by mid-treatment without a plan review",
        "By mid-treatment the {instrument} score is {score}, not reliably improved from the baseline {baseline}, and no session from {number} on records a plan review.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Warning,
        Cite(Confidence.High, "WMK", "NHSTT"));

    public override bool AppliesTo(ProtocolDefinition protocol) => protocol.CorePhase == Phase.Middle;

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var primary = context.Protocol.PrimaryInstrument;
        if (!context.Instruments.TryGet(primary, out var instrument) || !instrument.HigherIsWorse)
        {
            return;
        }

        var mid = context.Timeline.MidTreatmentSlot;
        var sessions = context.Course.Sessions.AsSpan();
        var ordinal = 0;

        // The baseline has one home (an intake or pre-treatment assessment, else the first held session
        // with a score); every later score up to mid-treatment is compared with it.
        if (ScoreSeries.Of(context.Timeline, primary).Baseline is not { } first)
        {
            return;
        }

        var baseline = first.Value;
        var latest = 0m;
        var latestIndex = -1;
        var latestPosition = -1;
        var reached = false;
        var reviewed = false;
        for (var i = 0; i < sessions.Length; i++)
        {
            var session = sessions[i];
            if (!Counts(context, session))
            {
                continue;
            }

            ordinal++;
            if (latestIndex >= 0 && session.Has(SessionTask.PlanReview))
            {
                reviewed = true;
            }

            if (ordinal <= mid && session.IsHeld)
            {
                var j = IndexOfMeasure(session, primary);
                if (j >= 0 && !first.IsAt(ScoreSource.Session, i, j))
                {
                    latest = session.Measures[j].Value;
                    latestIndex = i;
                    latestPosition = j;
                    reviewed |= session.Has(SessionTask.PlanReview);
                }
            }

            // Mid-treatment is reached when the patient attends a session at or after it: a dropout
            // before mid-treatment is reported as ended early (IPT0607), not as a missed review.
            if (ordinal >= mid && session.IsHeld)
            {
                reached = true;
            }
        }

        // Improvement means reliable improvement: a fall of at least the instrument's reliable change
        // (any fall when the instrument defines none). 18 -> 17 is no improvement. [NHSTT, WMK] (H)
        var improvement = instrument.ReliableChange is { } rci ? rci : 1;
        if (reached && latestIndex >= 0 && baseline - latest < improvement && !reviewed)
        {
            sink.Report(
                Descriptor,
                DocumentPath.Session(latestIndex).Property("measures").At(latestPosition),
                From("instrument", primary),
                ScoreArg("score", latest),
                ScoreArg("baseline", baseline),
                From("number", sessions[latestIndex].Number));
        }
    }
}

/// <summary>IPT0706: a measurement of an instrument that is neither built in nor registered by the host; it does not count as a baseline or a monitoring measure.</summary>
internal sealed class UnknownInstrumentRule : CourseRule
{
    public static readonly UnknownInstrumentRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0706",
        "Unknown instrument",
        "Instrument {instrument} is neither built in nor registered with the validator; its scores cannot be checked or counted.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "CONVENTION"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var measures = sessions[i].Measures.AsSpan();
            for (var j = 0; j < measures.Length; j++)
            {
                if (!context.Instruments.Contains(measures[j].Instrument))
                {
                    sink.Report(Descriptor, DocumentPath.Session(i).Property("measures").At(j).Property("instrument"), From("instrument", measures[j].Instrument));
                }
            }
        }

        var assessments = context.Course.Assessments.AsSpan();
        for (var i = 0; i < assessments.Length; i++)
        {
            var measures = assessments[i].Measures.AsSpan();
            for (var j = 0; j < measures.Length; j++)
            {
                if (!context.Instruments.Contains(measures[j].Instrument))
                {
                    sink.Report(Descriptor, DocumentPath.Of("assessments").At(i).Property("measures").At(j).Property("instrument"), From("instrument", measures[j].Instrument));
                }
            }
        }
    }
}

/// <summary>
/// IPT0710: a score recorded the wrong way for its instrument: a mean for an instrument whose score is
/// the sum of its items, or a total or item scores for one whose score is a mean (the Social Rhythm
/// Metric). [FRANK, CONVENTION] (H)
/// </summary>
internal sealed class ScoreKindRule : CourseRule
{
    public static readonly ScoreKindRule Instance = new();

    public override DiagnosticDescriptor Descriptor { get; } = new(
        "IPT0710",
        "Score recorded the wrong way for the instrument",
        "The {instrument} measurement in session {number} records a {recorded}, but the instrument's score is a {kind}.",
        RuleCategory.MeasuresAndSafety,
        DiagnosticSeverity.Error,
        Cite(Confidence.High, "FRANK", "CONVENTION"));

    public override void Check(in RuleContext context, ref DiagnosticSink sink)
    {
        var sessions = context.Course.Sessions.AsSpan();
        for (var i = 0; i < sessions.Length; i++)
        {
            var measures = sessions[i].Measures.AsSpan();
            for (var j = 0; j < measures.Length; j++)
            {
                var measure = measures[j];
                if (!context.Instruments.TryGet(measure.Instrument, out var instrument))
                {
                    continue;
                }

                var isMean = measure.Mean is not null;
                if (isMean != (instrument.Scoring == ScoreKind.Mean))
                {
                    sink.Report(
                        Descriptor,
                        DocumentPath.Session(i).Property("measures").At(j).Property(isMean ? "mean" : measure.Total is null ? "items" : "total"),
                        From("instrument", measure.Instrument),
                        From("number", sessions[i].Number),
                        FromLibraryText("recorded", isMean ? "mean" : "total"),
                        FromEnum("kind", instrument.Scoring));
                }
            }
        }
    }
}
