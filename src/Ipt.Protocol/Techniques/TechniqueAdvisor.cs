using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using Ipt.Protocol.Outcomes;
using Ipt.Protocol.Protocols;

namespace Ipt.Protocol.Techniques;

/// <summary>
/// Suggests techniques for a session of a course, ranked: overdue phase tasks first, then the tasks
/// due now (variant tasks, phase tasks), then the catalogue's entries weighted by phase, focus area
/// and role-dispute stage, with the focus area's own strategies preferred in the middle phase.
/// Each suggestion carries a short rationale in plain words that names the phase, focus and stage
/// that led to it.
/// </summary>
/// <remarks>
/// <para>The advisor states protocol facts and catalogue weights; it gives no clinical advice.</para>
/// <para>Deterministic: equal scores are ordered by technique id (ordinal). It never reads the
/// clock: the default session is the lowest-numbered planned session, else the one after the
/// highest recorded.</para>
/// <para>Immutable and thread-safe: per-catalogue and per-variant tables are built once in the
/// constructor, so one instance can serve every request (register it as a singleton).</para>
/// </remarks>
public sealed class TechniqueAdvisor
{
    private const int PhaseCount = 5;
    private const int AreaCount = 5; // every ProblemArea value, IPSRT's lost healthy self included
    private const int StageCount = 3;
    private const double GeneralFactor = 0.6;
    private const double NoFocusFactor = 0.3;
    private const double UnknownStageFactor = 0.5;
    private const double SecondaryFactor = 0.7;
    private const double StrategyBoost = 1.3;
    private const double SecondaryStrategyBoost = 1.15;
    private const double NotYetDueFactor = 0.5;
    private const double DueScore = 2;
    private const double OverdueScore = 3;
    private const double SafetyScore = 5;
    private const int StackLimit = 256;
    private const int RationaleCacheLimit = 4096;

    /// <summary>The lowest session number below the highest recorded one that the record lacks; null when there is none (or the numbers are too large to look).</summary>
    private static int? FirstGap(Course course, int highest)
    {
        if (highest < 2 || highest > 100_000)
        {
            return null;
        }

        var seen = new bool[highest + 1];
        foreach (var session in course.Sessions)
        {
            if (session.Number >= 1 && session.Number <= highest)
            {
                seen[session.Number] = true;
            }
        }

        for (var n = 1; n < highest; n++)
        {
            if (!seen[n])
            {
                return n;
            }
        }

        return null;
    }

    private static readonly int TaskCount = Enum.GetValues<SessionTask>().Length;

    private readonly Row[] rows;
    private readonly FrozenDictionary<string, int> index;
    private readonly FrozenDictionary<ProtocolId, Variant> variants;
    private readonly int formulationRow;
    private readonly int contractRow;
    private readonly int sickRoleRow;
    private readonly int stageAssessmentRow;
    private readonly TechniqueEntry? riskReview;

    /// <summary>Creates an advisor over a catalogue and the protocol variants it may meet.</summary>
    /// <param name="techniques">The technique catalogue (built-in, or composed with contributor catalogues).</param>
    /// <param name="protocols">The protocol variants of the courses it will be asked about.</param>
    /// <param name="instruments">The instruments whose safety items and scores it reads (the built-in ones when omitted).</param>
    public TechniqueAdvisor(TechniqueCatalogue techniques, ProtocolRegistry protocols, InstrumentRegistry? instruments = null)
    {
        ArgumentNullException.ThrowIfNull(techniques);
        ArgumentNullException.ThrowIfNull(protocols);
        Techniques = techniques;
        Protocols = protocols;
        Instruments = instruments ?? InstrumentRegistry.BuiltIn;
        riskReview = techniques.TryGet(TechniqueIds.RiskReview, out var own) ? own : TechniqueCatalogue.BuiltIn.TryGet(TechniqueIds.RiskReview, out var builtIn) ? builtIn : null;

        rows = new Row[techniques.Count];
        var ids = new Dictionary<string, int>(techniques.Count, StringComparer.Ordinal);
        var i = 0;
        foreach (var entry in techniques)
        {
            rows[i] = new Row(entry);
            ids.Add(entry.Id.Value, i);
            i++;
        }

        index = ids.ToFrozenDictionary(StringComparer.Ordinal);
        formulationRow = RowOf(TechniqueIds.InterpersonalFormulation);
        contractRow = RowOf(TechniqueIds.ContractSetting);
        sickRoleRow = RowOf(TechniqueIds.SickRole);
        stageAssessmentRow = RowOf(TechniqueIds.DisputeStageAssessment);

        var byProtocol = new Dictionary<ProtocolId, Variant>();
        foreach (var protocol in protocols)
        {
            byProtocol[protocol.Id] = BuildVariant(protocol);
        }

        variants = byProtocol.ToFrozenDictionary();
    }

    /// <summary>Gets an advisor over the built-in catalogue and the built-in protocol variants.</summary>
    public static TechniqueAdvisor Default { get; } = new(TechniqueCatalogue.BuiltIn, ProtocolRegistry.BuiltIn);

    /// <summary>Gets the technique catalogue the advisor suggests from.</summary>
    public TechniqueCatalogue Techniques { get; }

    /// <summary>Gets the protocol variants the advisor knows.</summary>
    public ProtocolRegistry Protocols { get; }

    /// <summary>Gets the instruments whose safety items and scores the advisor reads to put a risk review first.</summary>
    public InstrumentRegistry Instruments { get; }

    /// <summary>
    /// Suggests techniques for the next due session of a course (the five best), when the advisor
    /// knows the course's protocol: the counterpart of <see cref="Outcomes.OutcomeCalculator.TryCalculate"/>
    /// for a course whose protocol id comes from data.
    /// </summary>
    /// <param name="course">The course; it is only read.</param>
    /// <param name="advice">The advice, when the protocol is known.</param>
    /// <returns><see langword="false"/> when the course's protocol is not in <see cref="Protocols"/> (the validator reports it as IPT0002).</returns>
    public bool TrySuggest(Course course, [NotNullWhen(true)] out AdviceResult? advice) => TrySuggest(course, null, 5, out advice);

    /// <summary>Suggests techniques for one session of a course, when the advisor knows the course's protocol.</summary>
    /// <param name="course">The course; it is only read.</param>
    /// <param name="sessionNumber">The session, or <see langword="null"/> for the next due one (see <see cref="Suggest"/>).</param>
    /// <param name="top">The most suggestions to return (1 or more).</param>
    /// <param name="advice">The advice, when the protocol is known.</param>
    /// <returns><see langword="false"/> when the course's protocol is not in <see cref="Protocols"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sessionNumber"/> or <paramref name="top"/> is below 1.</exception>
    public bool TrySuggest(Course course, int? sessionNumber, int top, [NotNullWhen(true)] out AdviceResult? advice)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (!variants.ContainsKey(course.Protocol))
        {
            advice = null;
            return false;
        }

        advice = Suggest(course, sessionNumber, top);
        return true;
    }

    /// <summary>Suggests techniques for one session of a course.</summary>
    /// <param name="course">The course; it is only read.</param>
    /// <param name="sessionNumber">
    /// The session; by default the next due one (the lowest-numbered planned session, else the one after the highest recorded).
    /// When it is not given and the course is complete (none planned, every session the contract allows recorded),
    /// the result has <see cref="AdviceResult.IsCourseComplete"/> set and no suggestions.
    /// </param>
    /// <param name="top">The most suggestions to return (1 or more).</param>
    /// <returns>The session, the context read from the course, and the ranked suggestions.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sessionNumber"/> or <paramref name="top"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The course's protocol is not in <see cref="Protocols"/> (use <see cref="TrySuggest(Course, out AdviceResult?)"/> when it comes from data).</exception>
    public AdviceResult Suggest(Course course, int? sessionNumber = null, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (sessionNumber is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(requested, 1, nameof(sessionNumber));
        }

        if (!variants.TryGetValue(course.Protocol, out var variant))
        {
            throw new ArgumentException($"The course's protocol '{course.Protocol}' is not registered with the advisor.", nameof(course));
        }

        var count = rows.Length;
        Span<int> firstDone = count <= StackLimit ? stackalloc int[count] : new int[count];
        Span<int> firstTask = stackalloc int[TaskCount];
        firstDone.Fill(int.MaxValue);
        firstTask.Fill(int.MaxValue);

        // One pass over the sessions: what was recorded when, and where the target session is.
        var wanted = sessionNumber ?? 0;
        var lowestPlanned = int.MaxValue;
        var plannedPhase = Phase.Initial;
        var highest = 0;
        Phase? recordedPhase = null;
        foreach (var session in course.Sessions)
        {
            var number = session.Number;
            highest = Math.Max(highest, number);
            if (number == wanted && recordedPhase is null)
            {
                recordedPhase = session.Phase;
            }

            if (session.Status == SessionStatus.Planned)
            {
                if (number < lowestPlanned)
                {
                    lowestPlanned = number;
                    plannedPhase = session.Phase;
                }

                continue;
            }

            if (session.Status != SessionStatus.Held)
            {
                continue;
            }

            foreach (var id in session.Techniques)
            {
                if (index.TryGetValue(id.Value, out var row) && number < firstDone[row])
                {
                    firstDone[row] = number;
                }
            }

            foreach (var task in session.Tasks)
            {
                if (number < firstTask[(int)task])
                {
                    firstTask[(int)task] = number;
                }
            }
        }

        int target;
        if (sessionNumber is { } given)
        {
            target = given;
        }
        else if (lowestPlanned != int.MaxValue)
        {
            target = lowestPlanned;
            recordedPhase = plannedPhase;
        }
        else if (FirstGap(course, highest) is { } gap)
        {
            // A record with a hole in its numbers (IPT0103 reports it): the first missing session is the one due.
            target = gap;
        }
        else
        {
            // The next session; a record that already holds the highest number is read at it.
            target = highest < int.MaxValue ? highest + 1 : highest;
        }

        // Protocol timing has one home: the course's timeline (the split under the contract in force,
        // each phase and task window as the record stands). A session beyond the contract is read in
        // the course's last phase.
        var definition = variant.Definition;
        var timeline = CourseTimeline.Of(course, definition);
        // With a hole in the numbers the slots say little about numbering: the last session is the
        // contract's, or the highest recorded when that is later.
        var last = sessionNumber is null && target <= highest && lowestPlanned == int.MaxValue
            ? Math.Max(highest, timeline.Plan.PreTreatment + timeline.ContractedSessions)
            : timeline.LastSessionNumber;
        var phase = recordedPhase ?? timeline.PhaseAt(target) ?? timeline.Plan.LastPhase;
        if (sessionNumber is null && lowestPlanned == int.MaxValue && timeline.TreatmentCount >= timeline.ContractedSessions)
        {
            // Every session the contract allows is recorded and none is planned: no session is due.
            return new AdviceResult
            {
                Protocol = course.Protocol,
                SessionNumber = target,
                Phase = phase,
                LastSession = last,
                IsCourseComplete = true,
            };
        }

        // The focus chosen by the target session.
        ProblemArea? primary = null;
        ProblemArea? secondary = null;
        RoleDisputeStage? stage = null;
        var formulation = course.Formulation;
        if (formulation is not null && (formulation.ChosenAtSession is null || formulation.ChosenAtSession <= target))
        {
            foreach (var area in formulation.Areas)
            {
                if (area.Rank == FocusRank.Primary && primary is null)
                {
                    primary = area.Area;
                    if (area.Area == ProblemArea.RoleDispute)
                    {
                        stage = area.DisputeStage;
                    }
                }
                else if (area.Rank == FocusRank.Secondary && secondary is null)
                {
                    secondary = area.Area;
                    if (area.Area == ProblemArea.RoleDispute && primary != ProblemArea.RoleDispute)
                    {
                        stage = area.DisputeStage;
                    }
                }
            }
        }

        // Course-level records count as done for the structures they record.
        if (formulation is { Agreed: true })
        {
            MarkDone(firstDone, formulationRow, formulation.AgreedAtSession ?? 0);
        }

        if (course.Contract is { } contract)
        {
            MarkDone(firstDone, contractRow, contract.AgreedAtSession ?? 0);
        }

        if (course.SickRole is { } sickRole)
        {
            MarkDone(firstDone, sickRoleRow, sickRole.GrantedAtSession);
        }

        for (var r = 0; r < count; r++)
        {
            if (rows[r].Task >= 0)
            {
                firstDone[r] = Math.Min(firstDone[r], firstTask[rows[r].Task]);
            }
        }

        Span<double> score = count <= StackLimit ? stackalloc double[count] : new double[count];
        Span<byte> reason = count <= StackLimit ? stackalloc byte[count] : new byte[count];
        Span<byte> detail = count <= StackLimit ? stackalloc byte[count] : new byte[count];
        score.Clear();

        // Weighted entries of the phase.
        var isCore = phase is Phase.Middle or Phase.Maintenance;
        foreach (var r in variant.Candidates[(int)phase])
        {
            var row = rows[r];
            if (row.OneOff && firstDone[r] < target)
            {
                continue;
            }

            var weight = variant.PhaseWeights[r][(int)phase];
            SuggestionReason why;
            byte fromSecondary = 0;
            if (!row.HasAreas)
            {
                weight *= GeneralFactor;
                why = SuggestionReason.General;
            }
            else if (primary is null)
            {
                weight *= NoFocusFactor * row.MaxArea;
                why = SuggestionReason.General;
                fromSecondary = Detail.BeforeFocus;
            }
            else
            {
                var fit = row.Fit(primary.Value, stage);
                var isStrategy = row.IsStrategyFor(primary.Value);
                if (isCore && isStrategy)
                {
                    fit *= StrategyBoost;
                }

                if (secondary is { } second)
                {
                    var secondFit = row.Fit(second, stage) * SecondaryFactor;
                    var secondStrategy = row.IsStrategyFor(second);
                    if (isCore && secondStrategy)
                    {
                        secondFit *= SecondaryStrategyBoost;
                    }

                    if (secondFit > fit)
                    {
                        fit = secondFit;
                        isStrategy = secondStrategy;
                        fromSecondary = Detail.Secondary;
                    }
                }

                if (fit <= 0)
                {
                    continue;
                }

                weight *= fit;
                why = isStrategy ? SuggestionReason.FocusStrategy : SuggestionReason.FocusTechnique;
            }

            score[r] = weight;
            reason[r] = (byte)why;
            detail[r] = fromSecondary;
        }

        // Phase tasks (the protocol's task table), due now or overdue, by their windows in the timeline.
        var phaseRank = PhasePlan.Rank(phase);
        foreach (var (r, task) in variant.Rules)
        {
            var done = firstDone[r] < target;
            var window = timeline.WindowOf(task);
            // A recurring task is due in every session of its phase, done before or not.
            var status = window.IsEmpty || (done && task.Timing != TaskTiming.EverySession) ? TaskStatus.None : StatusOf(task, window, phase, target, last);
            var rulePhase = task.Phase == Phase.Middle ? definition.CorePhase : task.Phase;
            switch (status)
            {
                case TaskStatus.Overdue:
                    score[r] = OverdueScore + variant.PhaseWeights[r][(int)rulePhase];
                    reason[r] = (byte)SuggestionReason.Overdue;
                    detail[r] = (byte)(task.Timing == TaskTiming.BeforeEnd ? Detail.Ending : Detail.None);
                    break;
                case TaskStatus.Due:
                    score[r] = DueScore + variant.PhaseWeights[r][(int)phase];
                    reason[r] = (byte)(task.Requirement is null ? SuggestionReason.PhaseTask : SuggestionReason.VariantTask);
                    detail[r] = (byte)(task.Timing switch
                    {
                        TaskTiming.BeforeEnd => Detail.Ending,
                        TaskTiming.EverySession => Detail.Recurring,
                        TaskTiming.Late => Detail.LastOfPhase,
                        _ => Detail.None,
                    });
                    break;
                case TaskStatus.NotYetDue:
                    score[r] *= NotYetDueFactor;
                    break;
                default:
                    break;
            }
        }

        // Once the dispute's stage is recorded, determining it is done: it is not suggested again.
        if (stageAssessmentRow >= 0 && stage is not null)
        {
            score[stageAssessmentRow] = 0;
        }

        // A role dispute without a stage: determining the stage is overdue once the initial phase is over.
        if (stageAssessmentRow >= 0 && stage is null && phase is Phase.Middle or Phase.Maintenance && variant.Applies[stageAssessmentRow]
            && (primary == ProblemArea.RoleDispute || secondary == ProblemArea.RoleDispute))
        {
            score[stageAssessmentRow] = OverdueScore + variant.PhaseWeights[stageAssessmentRow][(int)Phase.Initial];
            reason[stageAssessmentRow] = (byte)SuggestionReason.Overdue;
            detail[stageAssessmentRow] = Detail.NoStage;
        }

        // A risk review comes before everything else while a safety signal is open or at the first contact.
        var safety = riskReview is null ? null : SafetyRationale(course, target);
        if (safety is not null)
        {
            var riskRow = RowOf(TechniqueIds.RiskReview);
            if (riskRow >= 0)
            {
                score[riskRow] = 0;
            }

            top = Math.Max(1, top - 1);
        }

        // Top suggestions: score descending, then row (id) order.
        var take = Math.Min(top, count);
        Span<int> best = take <= StackLimit ? stackalloc int[take] : new int[take];
        var found = 0;
        for (var r = 0; r < count; r++)
        {
            // Rounded first, so that scores equal but for floating-point noise are ordered by id.
            var s = score[r] = Math.Round(score[r], 4);
            if (s <= 0)
            {
                continue;
            }

            if (found == take && s <= score[best[found - 1]])
            {
                continue;
            }

            var at = found < take ? found++ : take - 1;
            while (at > 0 && s > score[best[at - 1]])
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = r;
        }

        var ending = timeline.WindowOf(PhaseTasks.Of(ProtocolTask.EndingRaised));
        var context = new RationaleContext(
            phase,
            primary,
            secondary,
            stage,
            course.Protocol,
            timeline.PhaseWindow(phase).Deadline,
            last,
            ending.Opens,
            timeline.NumberOfSlot(Math.Max(1, timeline.ContractedSessions - definition.EndingNoticeSessions)),
            definition);
        var first = safety is null ? 0 : 1;
        var suggestions = new Suggestion[found + first];
        if (safety is not null)
        {
            suggestions[0] = new Suggestion(riskReview!, SafetyScore, safety, SuggestionReason.Safety);
        }

        for (var k = 0; k < found; k++)
        {
            var r = best[k];
            var why = (SuggestionReason)reason[r];
            suggestions[k + first] = new Suggestion(rows[r].Entry, score[r], variant.Rationale(context, r, rows[r], why, detail[r]), why);
        }

        return new AdviceResult
        {
            Protocol = course.Protocol,
            SessionNumber = target,
            Phase = phase,
            LastSession = last,
            PrimaryFocus = primary,
            SecondaryFocus = secondary,
            DisputeStage = stage,
            Suggestions = new ValueList<Suggestion>(ImmutableCollectionsMarshal.AsImmutableArray(suggestions)),
        };
    }

    /// <summary>
    /// Why a risk review is due at <paramref name="target"/>, or <see langword="null"/>: the first open
    /// safety signal before it (no risk review recorded since), or the first contact. The signals are
    /// the rules' own (IPT0704, IPT0707, IPT0708, IPT0309), so the advice and the findings agree.
    /// </summary>
    private string? SafetyRationale(Course course, int target)
    {
        var sessions = course.Sessions.AsSpan();
        var anyHeldBefore = false;
        foreach (var session in sessions)
        {
            anyHeldBefore |= session.IsHeld && session.Number < target;
        }

        if (!anyHeldBefore)
        {
            return "Risk review at the first contact: assess risk to self and follow the service's safety procedure.";
        }

        foreach (var signal in SafetySignals.Of(course, Instruments))
        {
            var atNumber = signal.InAssessment ? 0 : sessions[signal.Index].Number;
            if (signal.Reviewed || atNumber >= target || ReviewedSince(sessions, signal, course, target))
            {
                continue;
            }

            var where = signal.InAssessment
                ? string.Create(CultureInfo.InvariantCulture, $"at the {PhaseWordOf(course.Assessments[signal.Index].Occasion)} assessment of {course.Assessments[signal.Index].Date:uuuu-MM-dd}")
                : string.Create(CultureInfo.InvariantCulture, $"in session {atNumber}");
            var what = signal.Kind switch
            {
                SafetySignalKind.PositiveItem => string.Create(CultureInfo.InvariantCulture, $"{signal.Instrument.Name} item {signal.Instrument.SafetyItem} scored {signal.Score} {where}"),
                SafetySignalKind.ItemNotRecorded => string.Create(CultureInfo.InvariantCulture, $"{signal.Instrument.Name} totalled {signal.Score} {where} without item {signal.Instrument.SafetyItem} recorded"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{signal.Instrument.Name} rose from {signal.Compared} to {signal.Score} {where}"),
            };
            return $"Risk review first: {what}, and no risk review is recorded since; follow the service's safety procedure.";
        }

        return null;
    }

    private static bool ReviewedSince(ReadOnlySpan<Session> sessions, in SafetySignal signal, Course course, int target)
    {
        var from = signal.InAssessment ? SafetySignals.FirstHeldOnOrAfter(sessions, course.Assessments[signal.Index].Date) : signal.Index + 1;
        for (var i = from; i < sessions.Length; i++)
        {
            if (sessions[i].Number < target && sessions[i].IsHeld && sessions[i].Has(SessionTask.RiskReview))
            {
                return true;
            }
        }

        return false;
    }

    private static string PhaseWordOf(AssessmentOccasion occasion) => occasion switch
    {
        AssessmentOccasion.Intake => "intake",
        AssessmentOccasion.Screening => "screening",
        AssessmentOccasion.PreTreatment => "pre-treatment",
        AssessmentOccasion.FollowUp => "follow-up",
        _ => "other",
    };

    /// <summary>
    /// Where a phase task stands at the target session, read from its window in the timeline: not its
    /// phase yet, not yet due (a task of the phase's last session), due, or overdue (the window passed;
    /// late by a phase at most, so an initial task missed is not suggested in termination).
    /// </summary>
    private static TaskStatus StatusOf(PhaseTask task, in TaskWindow window, Phase phase, int target, int last)
    {
        var phaseRank = PhasePlan.Rank(phase);
        var (from, to) = task.Phase == Phase.Middle ? (2, 3) : (PhasePlan.Rank(task.Phase), PhasePlan.Rank(task.Phase));
        switch (task.Timing)
        {
            case TaskTiming.EverySession:
                return phaseRank >= from && phaseRank <= to ? TaskStatus.Due : TaskStatus.None;
            case TaskTiming.BeforeEnd:
                return phase == Phase.PreTreatment ? TaskStatus.None
                    : target >= window.Deadline ? TaskStatus.Overdue
                    : target >= window.Opens ? TaskStatus.Due
                    : TaskStatus.None;
            default:
                break;
        }

        if (phaseRank < from)
        {
            return TaskStatus.None;
        }

        if (phaseRank > to || target > window.Deadline)
        {
            return phaseRank - to <= 1 || target > last ? TaskStatus.Overdue : TaskStatus.None;
        }

        var atEnd = target >= window.Deadline;
        return task.Timing switch
        {
            TaskTiming.Late => atEnd ? TaskStatus.Due : TaskStatus.NotYetDue,
            TaskTiming.Throughout => TaskStatus.Due,
            _ => atEnd && target != window.Opens ? TaskStatus.Overdue : TaskStatus.Due,
        };
    }

    private static void MarkDone(Span<int> firstDone, int row, int session)
    {
        if (row >= 0 && session < firstDone[row])
        {
            firstDone[row] = session;
        }
    }

    private int RowOf(TechniqueId id) => index.TryGetValue(id.Value, out var row) ? row : -1;

    /// <summary>
    /// Returns the catalogue entry that carries a phase task out: the entry for a course record (the
    /// pre-group meeting, the sick role, the formulation, the contract), else the first entry that
    /// records the task's session task; <see langword="null"/> when the catalogue has none (the advisor
    /// then skips the task).
    /// </summary>
    internal static TechniqueId? CarrierOf(PhaseTask task, TechniqueCatalogue catalogue)
    {
        var id = task.Task switch
        {
            ProtocolTask.PreGroupMeeting => TechniqueIds.PreGroupPreparation,
            ProtocolTask.SickRole => TechniqueIds.SickRole,
            ProtocolTask.FormulationAgreed => TechniqueIds.InterpersonalFormulation,
            ProtocolTask.ContractAgreed => TechniqueIds.ContractSetting,
            _ => default,
        };
        if (id != default)
        {
            return catalogue.Contains(id) ? id : null;
        }

        foreach (var entry in catalogue)
        {
            if (task.RecordedAs is { } recorded && entry.Task == recorded)
            {
                return entry.Id;
            }
        }

        return null;
    }

    private int RowOf(PhaseTask task) => CarrierOf(task, Techniques) is { } id ? RowOf(id) : -1;

    private Variant BuildVariant(ProtocolDefinition protocol)
    {
        var applies = new bool[rows.Length];
        var candidates = new int[PhaseCount][];
        var perPhase = new List<int>[PhaseCount];
        for (var p = 0; p < PhaseCount; p++)
        {
            perPhase[p] = [];
        }

        // The entries' weights under this protocol (TechniqueEntry.WeightIn(phase, protocol): one home for
        // how a protocol reads the catalogue, shared with the technique rules).
        var phaseWeights = new double[rows.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            var entry = rows[r].Entry;
            phaseWeights[r] = new double[PhaseCount];
            for (var p = 0; p < PhaseCount; p++)
            {
                phaseWeights[r][p] = entry.WeightIn((Phase)p, protocol);
            }

            applies[r] = entry.IsIpt && entry.AppliesTo(protocol.Id);
            if (!applies[r])
            {
                continue;
            }

            for (var p = 0; p < PhaseCount; p++)
            {
                if (phaseWeights[r][p] > 0)
                {
                    perPhase[p].Add(r);
                }
            }
        }

        for (var p = 0; p < PhaseCount; p++)
        {
            candidates[p] = [.. perPhase[p]];
        }

        // The protocol's phase tasks (one table for the rules, the advisor, the checklist), each carried out by
        // the catalogue entry that records it.
        var rules = new List<(int Row, PhaseTask Task)>();
        var ruleOf = new PhaseTask?[rows.Length];
        foreach (var task in PhaseTasks.All)
        {
            var r = RowOf(task);
            if (r < 0 || !applies[r] || ruleOf[r] is not null || !task.AppliesTo(protocol))
            {
                continue;
            }

            rules.Add((r, task));
            ruleOf[r] = task;
        }

        return new Variant(protocol, applies, candidates, [.. rules], ruleOf, phaseWeights);
    }

    private enum TaskStatus
    {
        None,
        NotYetDue,
        Due,
        Overdue,
    }

    private static class Detail
    {
        public const byte None = 0;
        public const byte Secondary = 1;
        public const byte BeforeFocus = 2;
        public const byte Ending = 3;
        public const byte Recurring = 4;
        public const byte LastOfPhase = 5;
        public const byte NoStage = 6;
    }

    private sealed class Row
    {
        public Row(TechniqueEntry entry)
        {
            Entry = entry;
            foreach (var w in entry.PhaseWeights)
            {
                Phase[(int)w.Phase] = Math.Max(Phase[(int)w.Phase], w.Weight);
            }

            foreach (var w in entry.AreaWeights)
            {
                Area[(int)w.Area] = Math.Max(Area[(int)w.Area], w.Weight);
                MaxArea = Math.Max(MaxArea, w.Weight);
            }

            foreach (var w in entry.StageWeights)
            {
                Stage[(int)w.Stage] = Math.Max(Stage[(int)w.Stage], w.Weight);
            }

            foreach (var area in entry.StrategyFor)
            {
                StrategyMask |= 1 << (int)area;
            }

            HasAreas = !entry.AreaWeights.IsEmpty;
            HasStages = !entry.StageWeights.IsEmpty;
            OneOff = entry.OneOff;
            Task = entry.Task is { } task ? (int)task : -1;
            var name = entry.Name;
            NameInSentence = name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1])
                ? string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1))
                : name;
        }

        public TechniqueEntry Entry { get; }

        public double[] Phase { get; } = new double[PhaseCount];

        public double[] Area { get; } = new double[AreaCount];

        public double[] Stage { get; } = new double[StageCount];

        public double MaxArea { get; }

        public bool HasAreas { get; }

        public bool HasStages { get; }

        public int StrategyMask { get; }

        public bool OneOff { get; }

        public int Task { get; }

        public string NameInSentence { get; }

        public bool IsStrategyFor(ProblemArea area) => (StrategyMask & (1 << (int)area)) != 0;

        public double Fit(ProblemArea area, RoleDisputeStage? stage)
        {
            var fit = Area[(int)area];
            if (fit > 0 && area == ProblemArea.RoleDispute && HasStages)
            {
                fit *= stage is { } known ? Stage[(int)known] : UnknownStageFactor;
            }

            return fit;
        }
    }

    private sealed record Variant(ProtocolDefinition Definition, bool[] Applies, int[][] Candidates, (int Row, PhaseTask Task)[] Rules, PhaseTask?[] RuleOfRow, double[][] PhaseWeights)
    {
        // Rationales depend only on the key's parts, so they are built once and shared (bounded).
        private readonly ConcurrentDictionary<ulong, string> rationales = new();

        public string Rationale(in RationaleContext context, int row, Row entry, SuggestionReason reason, byte detail)
        {
            // The ending's sessions are not in the key: its rationales are built each time.
            var phaseLast = context.PhaseLast;
            if (detail == Detail.Ending || row >= 1 << 12 || context.Last is < 0 or >= 1 << 16 || phaseLast is < 0 or >= 1 << 16)
            {
                return context.Rationale(entry, reason, detail, RuleOfRow[row]);
            }

            var key = (ulong)(uint)row
                | ((ulong)(uint)reason << 12)
                | ((ulong)detail << 15)
                | ((ulong)(uint)context.Phase << 18)
                | ((ulong)(uint)(context.Primary is { } p ? (int)p + 1 : 0) << 21)
                | ((ulong)(uint)(context.Secondary is { } q ? (int)q + 1 : 0) << 24)
                | ((ulong)(uint)(context.Stage is { } t ? (int)t + 1 : 0) << 27)
                | ((ulong)(uint)context.Last << 30)
                | ((ulong)(uint)phaseLast << 46);
            if (rationales.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var text = context.Rationale(entry, reason, detail, RuleOfRow[row]);
            if (rationales.Count < RationaleCacheLimit)
            {
                rationales.TryAdd(key, text);
            }

            return text;
        }
    }

    /// <summary>Builds rationales from names only (phase, focus, stage, technique, protocol id): never from the course's free text.</summary>
    private readonly record struct RationaleContext(
        Phase Phase,
        ProblemArea? Primary,
        ProblemArea? Secondary,
        RoleDisputeStage? Stage,
        ProtocolId Protocol,
        int PhaseLast,
        int Last,
        int EndingFrom,
        int EndingBy,
        ProtocolDefinition Definition)
    {
        public string Rationale(Row row, SuggestionReason reason, byte detail, PhaseTask? rule)
        {
            var name = row.NameInSentence;
            var phase = PhaseWord(Phase);
            var inv = CultureInfo.InvariantCulture;
            switch (reason)
            {
                case SuggestionReason.Overdue:
                    if (detail == Detail.Ending)
                    {
                        return string.Create(inv, $"Overdue in the {phase} phase: the ending was to be raised by session {EndingBy} (N−{Definition.EndingNoticeSessions}); {name}.");
                    }

                    if (detail == Detail.NoStage)
                    {
                        return $"Overdue in the {phase} phase: the role dispute has no recorded stage; {name}.";
                    }

                    var rulePhase = rule is null ? Phase : rule.Phase == Phase.Middle ? Definition.CorePhase : rule.Phase;
                    return rulePhase == Phase
                        ? string.Create(inv, $"Overdue: {name} is not yet done and the {phase} phase ends at session {PhaseLast}.")
                        : $"Overdue in the {phase} phase: {name} was due by the end of the {PhaseWord(rulePhase)} phase.";
                case SuggestionReason.VariantTask or SuggestionReason.PhaseTask:
                    var who = reason == SuggestionReason.VariantTask ? $"{Protocol} {phase}" : Capitalize(phase);
                    return detail switch
                    {
                        Detail.Ending => string.Create(inv, $"Ending due in the {phase} phase from session {EndingFrom} (N−{Definition.EarlyEndingNoticeSessions}): {name}."),
                        Detail.Recurring => $"{who} phase: {name} in every session.",
                        Detail.LastOfPhase => $"Last session of the {phase} phase: {name}.",
                        _ => $"{who} phase task not yet done: {name}.",
                    };
                case SuggestionReason.FocusStrategy:
                    return $"{Focus(detail)} in the {phase} phase: {name}, a strategy of the focus area.";
                case SuggestionReason.FocusTechnique:
                    return $"{Focus(detail)} in the {phase} phase: {name}.";
                default:
                    return detail == Detail.BeforeFocus
                        ? $"{Capitalize(phase)} phase, no focus chosen yet: {name}."
                        : $"{Capitalize(phase)} phase: {name}.";
            }
        }

        private string Focus(byte detail)
        {
            var area = detail == Detail.Secondary ? Secondary : Primary;
            var text = area switch
            {
                ProblemArea.Grief => "Grief",
                ProblemArea.RoleDispute => Stage switch
                {
                    RoleDisputeStage.Renegotiation => "Role dispute in renegotiation",
                    RoleDisputeStage.Impasse => "Role dispute at impasse",
                    RoleDisputeStage.Dissolution => "Role dispute in dissolution",
                    _ => "Role dispute of unrecorded stage",
                },
                ProblemArea.RoleTransition => "Role transition",
                ProblemArea.InterpersonalDeficits => "Interpersonal deficits",
                ProblemArea.LostHealthySelf => "Grief for the lost healthy self",
                _ => "No focus",
            };
            return detail == Detail.Secondary ? text + " (secondary focus)" : text;
        }

        private static string PhaseWord(Phase phase) => phase switch
        {
            Phase.PreTreatment => "pre-treatment",
            Phase.Initial => "initial",
            Phase.Middle => "middle",
            Phase.Termination => "termination",
            _ => "maintenance",
        };

        private static string Capitalize(string word) => string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));
    }
}
