namespace Ipt.Protocol.Techniques;

/// <summary>How strongly a technique fits a phase, from 0 (does not apply) to 1.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Weight">The weight, 0 to 1.</param>
public readonly record struct PhaseWeight(Phase Phase, double Weight);
