using FluentValidation;
using FluentValidation.Results;
using Ipt.Protocol.Protocols;
using Ipt.Protocol.Techniques;
using NodaTime;

namespace Ipt.Protocol.Benchmarks.Comparison;

/// <summary>
/// The comparison baseline: the checks the workload course exercises, written as a FluentValidation
/// 11 <see cref="AbstractValidator{T}"/> the way a .NET developer would write them (RuleFor,
/// RuleForEach, child validators, Must/When, Custom for the checks that compare neighbours), and
/// reporting the same information as the rule engine: rule id (error code), JSON path (property
/// name) and severity. 28 of the engine's rules; see docs/performance.md for the list.
/// </summary>
internal sealed class FluentCourseValidator : AbstractValidator<Course>
{
    public FluentCourseValidator(ProtocolDefinition protocol, TechniqueCatalogue catalogue)
    {
        // Structure.
        RuleFor(c => c.Sessions)
            .Must(s => protocol.Sessions.Contains(s.Count(x => x.Phase != Phase.PreTreatment && x.Status != SessionStatus.Cancelled)))
            .When(c => c.Sessions.All(s => s.Status != SessionStatus.Planned))
            .WithErrorCode("IPT0101").WithSeverity(Severity.Error).OverridePropertyName("sessions")
            .WithMessage($"The number of treatment sessions is outside the {protocol.Id} range {protocol.Sessions}.");

        RuleFor(c => c.Sessions).Custom((sessions, context) =>
        {
            var seen = new HashSet<int>();
            for (var i = 0; i < sessions.Count; i++)
            {
                if (!seen.Add(sessions[i].Number))
                {
                    context.AddFailure(Failure($"sessions[{i}].number", "IPT0102", Severity.Error, $"Session number {sessions[i].Number} is used twice."));
                }
            }

            var numbers = sessions.Select(s => s.Number).Order().ToList();
            for (var i = 0; i < numbers.Count; i++)
            {
                if (numbers[i] != i + 1 && (i == 0 || numbers[i] != numbers[i - 1]))
                {
                    context.AddFailure(Failure("sessions", "IPT0103", Severity.Error, $"Session number {i + 1} is missing."));
                    break;
                }
            }

            LocalDate? previousDate = null;
            LocalDate? lastDate = null;
            for (var i = 0; i < sessions.Count; i++)
            {
                var session = sessions[i];
                if (session.Date is not { } date)
                {
                    continue;
                }

                if (session.Status != SessionStatus.Cancelled)
                {
                    if (previousDate is { } before && date <= before)
                    {
                        context.AddFailure(Failure($"sessions[{i}].date", "IPT0104", Severity.Error, $"Session {session.Number} is not dated after the session before it."));
                    }
                    else
                    {
                        previousDate = date;
                    }
                }

                if (session.Status is SessionStatus.Held or SessionStatus.Planned)
                {
                    if (lastDate is { } last && Period.DaysBetween(last, date) > protocol.MaxGapDays)
                    {
                        context.AddFailure(Failure($"sessions[{i}].date", "IPT0105", Severity.Warning, $"The gap before session {session.Number} is longer than {protocol.MaxGapDays} days."));
                    }

                    lastDate = date;
                }
            }
        });

        RuleForEach(c => c.Sessions).SetValidator(new SessionValidator(protocol, catalogue)).OverridePropertyName("sessions");

        // Phases.
        RuleFor(c => c.Sessions)
            .Must(s => s.Any(x => x.Phase == protocol.CorePhase && x.Status != SessionStatus.Cancelled))
            .When(c => c.Sessions.Any(s => s.Phase == Phase.Termination && s.IsHeld))
            .WithErrorCode("IPT0203").WithSeverity(Severity.Error).OverridePropertyName("sessions")
            .WithMessage("The course reaches termination without a middle phase.");

        // Initial tasks.
        RuleFor(c => c.Sessions)
            .Must(s => s.Any(x => x.IsHeld && x.Phase == Phase.Initial && x.Has(SessionTask.Psychoeducation)))
            .When(InitialPhaseOver)
            .WithErrorCode("IPT0306").WithSeverity(Severity.Warning).OverridePropertyName("sessions")
            .WithMessage("No held initial-phase session records the psychoeducation task.");

        RuleFor(c => c.Inventory.Persons)
            .NotEmpty()
            .When(InitialPhaseOver)
            .WithErrorCode("IPT0302").WithSeverity(Severity.Error).OverridePropertyName("inventory.persons")
            .WithMessage("The interpersonal inventory is empty.");

        RuleFor(c => c.Formulation)
            .NotNull()
            .When(InitialPhaseOver)
            .WithErrorCode("IPT0303").WithSeverity(Severity.Error).OverridePropertyName("formulation")
            .WithMessage("No formulation is recorded.");

        RuleFor(c => c.Formulation!.Areas)
            .NotEmpty()
            .When(c => c.Formulation is not null && InitialPhaseOver(c))
            .WithErrorCode("IPT0303").WithSeverity(Severity.Error).OverridePropertyName("formulation.areas")
            .WithMessage("No problem area is selected.");

        RuleFor(c => c.Formulation!.Agreed)
            .Equal(true)
            .When(c => c.Formulation is not null && FirstMiddleSession(c) > 0)
            .WithErrorCode("IPT0304").WithSeverity(Severity.Error).OverridePropertyName("formulation.agreed")
            .WithMessage(c => $"The formulation was not agreed before session {FirstMiddleSession(c)}, the first middle-phase session.");

        RuleFor(c => c.Formulation!.AgreedAtSession)
            .Must((c, at) => at is null || at < FirstMiddleSession(c))
            .When(c => c.Formulation is { Agreed: true } && FirstMiddleSession(c) > 0)
            .WithErrorCode("IPT0304").WithSeverity(Severity.Error).OverridePropertyName("formulation.agreedAtSession")
            .WithMessage(c => $"The formulation was not agreed before session {FirstMiddleSession(c)}, the first middle-phase session.");

        RuleFor(c => c.SickRole)
            .NotNull()
            .When(InitialPhaseOver)
            .WithErrorCode("IPT0305").WithSeverity(Severity.Warning).OverridePropertyName("sickRole")
            .WithMessage("The sick role is not recorded as given in the initial phase.");

        RuleFor(c => c.SickRole!.GrantedAtSession)
            .Must((c, at) => at <= LastInitialSession(c))
            .When(c => c.SickRole is not null && InitialPhaseOver(c))
            .WithErrorCode("IPT0305").WithSeverity(Severity.Warning).OverridePropertyName("sickRole.grantedAtSession")
            .WithMessage("The sick role is not recorded as given in the initial phase.");

        RuleFor(c => c.Contract)
            .NotNull()
            .When(InitialPhaseOver)
            .WithErrorCode("IPT0307").WithSeverity(Severity.Warning).OverridePropertyName("contract")
            .WithMessage("No treatment contract is recorded.");

        RuleFor(c => c.Contract!.AgreedAtSession)
            .Must((c, at) => at is { } n && n <= LastInitialSession(c))
            .When(c => c.Contract is not null && InitialPhaseOver(c))
            .WithErrorCode("IPT0307").WithSeverity(Severity.Warning).OverridePropertyName("contract.agreedAtSession")
            .WithMessage("The contract was not agreed in the initial phase.");

        // Focus.
        RuleFor(c => c.Formulation!.Areas)
            .Must(a => a.Count <= protocol.MaxFocusAreas)
            .When(c => c.Formulation is not null)
            .WithErrorCode("IPT0401").WithSeverity(Severity.Error).OverridePropertyName($"formulation.areas[{protocol.MaxFocusAreas}]")
            .WithMessage($"More than {protocol.MaxFocusAreas} problem areas are chosen.");

        RuleFor(c => c.Formulation!.Areas)
            .Must(a => a.Count(x => x.Rank == FocusRank.Primary) <= 1)
            .When(c => c.Formulation is not null)
            .WithErrorCode("IPT0402").WithSeverity(Severity.Error)
            .OverridePropertyName("formulation.areas")
            .WithMessage("More than one problem area is primary.");

        RuleForEach(c => c.Formulation!.Areas)
            .ChildRules(area => area.RuleFor(a => a.DisputeStage)
                .NotNull()
                .When(a => a.Area == ProblemArea.RoleDispute)
                .WithErrorCode("IPT0404").WithSeverity(Severity.Error).OverridePropertyName("disputeStage")
                .WithMessage("A role dispute focus has no stage (renegotiation, impasse or dissolution)."))
            .When(c => c.Formulation is not null)
            .OverridePropertyName("formulation.areas");

        // Termination.
        foreach (var (id, notice, severity) in new[] { ("IPT0601", protocol.EndingNoticeSessions, Severity.Error), ("IPT0602", protocol.EarlyEndingNoticeSessions, Severity.Info) })
        {
            RuleFor(c => c.Sessions).Custom((sessions, context) =>
            {
                var contracted = context.InstanceToValidate.Contract?.Sessions ?? protocol.Sessions.Default;
                var deadline = Math.Max(1, contracted - notice);
                var ordinal = 0;
                for (var i = 0; i < sessions.Count; i++)
                {
                    if (sessions[i].Phase == Phase.PreTreatment)
                    {
                        continue;
                    }

                    ordinal++;
                    if (sessions[i].IsHeld && sessions[i].Has(SessionTask.EndingRaised))
                    {
                        return;
                    }

                    if (ordinal == deadline)
                    {
                        if (sessions[i].Status != SessionStatus.Planned)
                        {
                            context.AddFailure(Failure($"sessions[{i}].tasks", id, severity, $"The ending was not raised by session {sessions[i].Number}."));
                        }

                        return;
                    }
                }
            });
        }

        foreach (var (id, task) in new[] { ("IPT0603", SessionTask.ProgressReview), ("IPT0604", SessionTask.RelapsePreventionPlan), ("IPT0605", SessionTask.ContinuationDiscussed) })
        {
            RuleFor(c => c.Sessions)
                .Must(s => s.Any(x => x.IsHeld && x.Phase == Phase.Termination && x.Has(task)))
                .When(IsFinished)
                .WithErrorCode(id).WithSeverity(Severity.Warning).OverridePropertyName("sessions")
                .WithMessage($"The course is over and no termination-phase session records the {task} task.");
        }

        // Measures: the baseline.
        RuleFor(c => c.Sessions)
            .Must(s => s.First(x => x.Phase != Phase.PreTreatment && x.IsHeld).MeasureOf(protocol.PrimaryInstrument) is not null)
            .When(c => c.Sessions.Any(x => x.Phase != Phase.PreTreatment && x.IsHeld))
            .WithErrorCode("IPT0301").WithSeverity(Severity.Warning).OverridePropertyName("sessions")
            .WithMessage("The first treatment session has no baseline measure.");
    }

    /// <summary>Gets the validator for standard IPT with the built-in technique catalogue.</summary>
    public static FluentCourseValidator Standard { get; } = new(BuiltInProtocols.Standard, TechniqueCatalogue.BuiltIn);

    private static ValidationFailure Failure(string path, string id, Severity severity, string message) =>
        new(path, message) { ErrorCode = id, Severity = severity };

    private static bool InitialPhaseOver(Course course) =>
        course.Sessions.Any(s => s.IsHeld && s.Phase is Phase.Middle or Phase.Maintenance or Phase.Termination);

    private static bool IsFinished(Course course) =>
        course.Sessions.Any(s => s.IsHeld && s.Phase == Phase.Termination) && course.Sessions.All(s => s.Status != SessionStatus.Planned);

    private static int FirstMiddleSession(Course course) =>
        course.Sessions.FirstOrDefault(s => s.IsHeld && s.Phase == Phase.Middle)?.Number ?? 0;

    private static int LastInitialSession(Course course) =>
        course.Sessions.LastOrDefault(s => s.Phase == Phase.Initial && s.Status != SessionStatus.Cancelled)?.Number ?? 0;
}

/// <summary>The per-session checks: length, phase, techniques, interval review and the measures.</summary>
internal sealed class SessionValidator : AbstractValidator<Session>
{
    public SessionValidator(ProtocolDefinition protocol, TechniqueCatalogue catalogue)
    {
        RuleFor(s => s.Length)
            .Must((s, length) => length is not { } l || (s.Number == 1 && protocol.FirstSessionLength is { } first ? first : protocol.SessionLength).Contains(l))
            .When(s => s.Phase != Phase.PreTreatment)
            .WithErrorCode("IPT0106").WithSeverity(Severity.Warning).OverridePropertyName("length")
            .WithMessage(s => $"Session {s.Number} lasts outside the expected {protocol.SessionLength}.");

        RuleFor(s => s.Phase)
            .Must((s, phase) => protocol.PhaseOf(s.Number) is not { } expected || expected == phase)
            .WithErrorCode("IPT0205").WithSeverity(Severity.Warning).OverridePropertyName("phase")
            .WithMessage(s => $"Session {s.Number} is recorded in the wrong phase for the protocol's split.");

        RuleForEach(s => s.Techniques)
            .Must(t => catalogue.TryGet(t, out _))
            .WithErrorCode("IPT0502").WithSeverity(Severity.Error).OverridePropertyName("techniques")
            .WithMessage("The technique is not in the catalogue.");

        RuleFor(s => s.Tasks)
            .Must((s, tasks) => tasks.Contains(SessionTask.IntervalReview) || s.Used(TechniqueIds.IntervalReview))
            .When(s => s.IsHeld && s.Phase == protocol.CorePhase)
            .WithErrorCode("IPT0504").WithSeverity(Severity.Info).OverridePropertyName("tasks")
            .WithMessage(s => $"Session {s.Number} does not record an interval review.");

        RuleForEach(s => s.Measures).SetValidator(new MeasurementValidator()).OverridePropertyName("measures");

        RuleFor(s => s).Custom((session, context) =>
        {
            for (var j = 0; j < session.Measures.Count; j++)
            {
                var measure = session.Measures[j];
                if (InstrumentRegistry.BuiltIn.TryGet(measure.Instrument, out var instrument) && instrument.SafetyItem is { } item
                    && measure.Item(item) is > 0 && !session.Has(SessionTask.RiskReview))
                {
                    context.AddFailure(new ValidationFailure(
                        context.PropertyPath + $".measures[{j}].items[{item - 1}]",
                        $"{instrument.Name} item {item} is positive in session {session.Number} without a risk review.")
                    {
                        ErrorCode = "IPT0704",
                        Severity = Severity.Error,
                    });
                }
            }
        });
    }
}

/// <summary>The per-measurement checks: score range and total against items.</summary>
internal sealed class MeasurementValidator : AbstractValidator<Measurement>
{
    public MeasurementValidator()
    {
        RuleFor(m => m.Score)
            .Must((m, score) => !InstrumentRegistry.BuiltIn.TryGet(m.Instrument, out var i) || (score >= i.TotalMin && score <= i.TotalMax))
            .WithErrorCode("IPT0701").WithSeverity(Severity.Error).OverridePropertyName("total")
            .WithMessage("The score is outside the instrument's range.");

        RuleFor(m => m.Total)
            .Must((m, total) => m.Items.Count == 0 || total == m.Items.Sum())
            .When(m => m.Total is not null)
            .WithErrorCode("IPT0702").WithSeverity(Severity.Error).OverridePropertyName("total")
            .WithMessage("The total is not the sum of its item scores.");
    }
}
