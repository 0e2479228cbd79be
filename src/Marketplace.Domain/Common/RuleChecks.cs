namespace Marketplace.Domain.Common;

/// <summary>
/// Runs independent checks and keeps every refusal instead of stopping at the first, so a person filling in a form
/// (or an API client) hears about all the wrong fields at once. Checks that depend on an earlier value skip when it
/// failed (its refusal already says what to fix). Conflicts (refusals about the current state, 409) are not collected.
/// </summary>
public sealed class RuleChecks
{
    private readonly List<DomainRuleException> _failures = [];

    public bool Failed => _failures.Count > 0;

    public void Run(Action check)
    {
        try { check(); }
        catch (DomainRuleException failure) when (!failure.IsConflict) { Add(failure); }
    }

    /// <summary>The checked value, or null when the check refused it.</summary>
    public T? Value<T>(Func<T> check) where T : struct
    {
        try { return check(); }
        catch (DomainRuleException failure) when (!failure.IsConflict) { Add(failure); return null; }
    }

    /// <summary>The checked object (null is a legal answer of an optional field), and whether it passed.</summary>
    public bool Try<T>(Func<T> check, out T result)
    {
        try
        {
            result = check();
            return true;
        }
        catch (DomainRuleException failure) when (!failure.IsConflict)
        {
            Add(failure);
            result = default!;
            return false;
        }
    }

    /// <summary>Throws the one refusal, or a <see cref="DomainRulesException"/> carrying all of them.</summary>
    public void ThrowIfAny()
    {
        if (_failures.Count == 1) throw _failures[0];
        if (_failures.Count > 1) throw new DomainRulesException(_failures);
    }

    private void Add(DomainRuleException failure)
    {
        if (failure is DomainRulesException many) _failures.AddRange(many.All);
        else _failures.Add(failure);
    }
}

/// <summary>Several inputs refused at once; <see cref="DomainRuleException.Field"/> and Text are the first one's.</summary>
public sealed class DomainRulesException(IReadOnlyList<DomainRuleException> all) : DomainRuleException(all[0].Field, all[0].Text)
{
    public IReadOnlyList<DomainRuleException> All { get; } = all;
}
