using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JobsPortal.Data;

/// <summary>
/// EF Core's compiled queries, compiled once per model rather than once per process: EF binds a
/// compiled query to the model it first ran against and refuses any other, and the model differs per
/// provider (SQLite and PostgreSQL), which one process meets when it works on both (the tests do).
/// Each call looks its model up in a small dictionary; the query itself is compiled as before.
/// </summary>
public static class CompiledPerModel
{
    public static Func<TContext, TParam, CancellationToken, Task<TResult>> Query<TContext, TParam, TResult>(
        Expression<Func<TContext, TParam, CancellationToken, TResult>> query) where TContext : DbContext
    {
        var compiled = new ConcurrentDictionary<IModel, Func<TContext, TParam, CancellationToken, Task<TResult>>>();
        return (db, p, ct) => compiled.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, p, ct);
    }

    public static Func<TContext, TParam, IAsyncEnumerable<TResult>> Query<TContext, TParam, TResult>(
        Expression<Func<TContext, TParam, IQueryable<TResult>>> query) where TContext : DbContext
    {
        var compiled = new ConcurrentDictionary<IModel, Func<TContext, TParam, IAsyncEnumerable<TResult>>>();
        return (db, p) => compiled.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, p);
    }

    public static Func<TContext, TParam1, TParam2, IAsyncEnumerable<TResult>> Query<TContext, TParam1, TParam2, TResult>(
        Expression<Func<TContext, TParam1, TParam2, IQueryable<TResult>>> query) where TContext : DbContext
    {
        var compiled = new ConcurrentDictionary<IModel, Func<TContext, TParam1, TParam2, IAsyncEnumerable<TResult>>>();
        return (db, p1, p2) => compiled.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, p1, p2);
    }

    /// <summary>
    /// A compiled query of any other shape (the search's shapes take a dozen parameters): <paramref name="compile"/>
    /// runs once per model, on first use with it.
    /// </summary>
    public static PerModel<TDelegate> Of<TDelegate>(Func<TDelegate> compile) where TDelegate : Delegate => new(compile);
}

/// <summary>One compiled query per model; see <see cref="CompiledPerModel"/>.</summary>
public sealed class PerModel<TDelegate>(Func<TDelegate> compile) where TDelegate : Delegate
{
    private readonly ConcurrentDictionary<IModel, TDelegate> _compiled = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TDelegate For(DbContext db) => _compiled.GetOrAdd(db.Model, _ => compile());
}
