namespace Marketplace.Domain.Common;

/// <summary>
/// An aggregate's lifecycle as one table of named steps, each saying from which states it may be taken and where
/// it leads (a step that leads nowhere keeps the state: editing a draft). The aggregate's guard reads it and its
/// tests enumerate it, so the rules live in one place. A refused step is a conflict with the current state (409),
/// worded by the aggregate's template, e.g. "A deal in state {0} cannot be {1}." with the state and the step's verb.
/// </summary>
public sealed class Lifecycle<TState>(Text refusal, params LifecycleStep<TState>[] steps) where TState : struct, Enum
{
    public IReadOnlyList<LifecycleStep<TState>> Steps { get; } = steps;

    /// <summary>The state the step leads to from <paramref name="current"/>; refused when the table has no such move.</summary>
    public TState Take(TState current, LifecycleStep<TState> step) =>
        step.Moves.TryGetValue(current, out var next) ? next : throw Refused(current, step.Verb);

    /// <summary>Whether some step moves <paramref name="from"/> to another state <paramref name="to"/>.</summary>
    public bool CanMove(TState from, TState to) =>
        !from.Equals(to) && Steps.Any(s => s.Moves.TryGetValue(from, out var next) && next.Equals(to));

    public DomainRuleException Refused(TState current, Text verb) => new("status", new Text(refusal.Template, current, verb), isConflict: true);
}

/// <summary>One step of a lifecycle: its verb (for the refusal: "signed", "given a schedule") and its moves.</summary>
public sealed class LifecycleStep<TState>(Text verb, IReadOnlyDictionary<TState, TState> moves) where TState : struct, Enum
{
    public Text Verb { get; } = verb;
    public IReadOnlyDictionary<TState, TState> Moves { get; } = moves;

    /// <summary>A step that leads from each of <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static LifecycleStep<TState> To(TState to, Text verb, params TState[] from) => new(verb, from.ToDictionary(f => f, _ => to));

    /// <summary>A step that keeps the state, allowed in <paramref name="states"/> (editing, paying).</summary>
    public static LifecycleStep<TState> Within(Text verb, params TState[] states) => new(verb, states.ToDictionary(s => s, s => s));
}
