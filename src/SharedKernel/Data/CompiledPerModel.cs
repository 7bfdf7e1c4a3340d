using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BillCenter.SharedKernel.Data;

/// <summary>
/// An EF Core compiled query (<c>EF.CompileAsyncQuery</c>) for every model it meets. A compiled query may only run
/// against the model it was compiled for, and one process can hold several models of a context: one per provider,
/// and one per distinct options set (tests run SQLite and PostgreSQL apps side by side). Keep it in a static field:
/// <code>private static readonly CompiledPerModel&lt;Func&lt;MyDbContext, string, Task&lt;Row?&gt;&gt;&gt; Find = new(() => EF.CompileAsyncQuery(…));
/// var row = await Find.For(db)(db, key);</code>
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _byModel.GetValue(context.Model, _ => compile());
    }
}
