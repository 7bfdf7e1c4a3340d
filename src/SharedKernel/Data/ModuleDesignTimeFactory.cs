using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BillCenter.SharedKernel.Data;

/// <summary>
/// How <c>dotnet ef</c> builds a module's DbContext for one provider when it adds a migration: the module's schema
/// and naming conventions, a placeholder connection (no database is opened). One one-line subclass per provider.
/// </summary>
public abstract class ModuleDesignTimeFactory<TContext>(string module, DatabaseProvider provider, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) => create(ModuleDatabaseRegistration.DesignTimeOptions<TContext>(module, provider));
}
