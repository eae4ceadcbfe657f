using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Ipt.Protocol;

/// <summary>One manageable step of a goal. The description is free text (patient data).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record GoalStep
{
    /// <summary>Gets what the step is (free text).</summary>
    public required string Description { get; init => field = Guard.RequiredText(value, nameof(Description)); }

    /// <summary>Gets a value indicating whether the step is done.</summary>
    public bool Done { get; init; }

    /// <summary>Gets the session at which the step was reported done.</summary>
    public int? DoneAtSession { get; init => field = Guard.Positive(value, nameof(DoneAtSession)); }

    /// <summary>Describes the step without its text.</summary>
    /// <returns>A string such as <c>Goal step (done)</c>.</returns>
    public override string ToString() => Done ? "Goal step (done)" : "Goal step (open)";
}

/// <summary>
/// A collaboratively set, specific goal broken into manageable steps (seed 000, "Goal Setting").
/// The description is free text (patient data).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Goal
{
    /// <summary>Creates a goal with the required values.</summary>
    /// <param name="id">The goal's id.</param>
    /// <param name="description">What the goal is (free text).</param>
    [SetsRequiredMembers]
    public Goal(GoalId id, string description)
    {
        Id = id;
        Description = description;
    }

    /// <summary>Creates a goal; <see cref="Id"/> and <see cref="Description"/> must be set.</summary>
    public Goal()
    {
    }

    /// <summary>Gets the goal's id.</summary>
    public required GoalId Id
    {
        get;
        init => field = value == default ? throw new ArgumentException("The goal id is missing.", nameof(Id)) : value;
    }

    /// <summary>Gets what the goal is (free text).</summary>
    public required string Description { get; init => field = Guard.RequiredText(value, nameof(Description)); }

    /// <summary>Gets the problem area the goal serves, when any.</summary>
    public ProblemArea? Area { get; init => field = Guard.Defined(value, nameof(Area)); }

    /// <summary>Gets the session at which the goal was set.</summary>
    public int? SetAtSession { get; init => field = Guard.Positive(value, nameof(SetAtSession)); }

    /// <summary>Gets the steps, in order.</summary>
    public ValueList<GoalStep> Steps { get; init; }

    /// <summary>Gets a value indicating whether the goal is achieved.</summary>
    public bool Achieved { get; init; }

    /// <summary>Returns a copy with a step added.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The new goal.</returns>
    public Goal PlusStep(GoalStep step) => this with { Steps = Steps.Add(step) };

    /// <summary>Describes the goal without its text.</summary>
    /// <returns>A string such as <c>Goal g1 (3 steps)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Goal {Id} ({Steps.Count} steps{(Achieved ? ", achieved" : string.Empty)})");
}
