using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.SharedKernel.Data;

/// <summary>One module's database: its DbContext, migrated at start-up by the Host.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    Type ContextType { get; }

    Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken);
}
