using BillCenter.SharedKernel.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BillCenter.SharedKernel.Modules;

/// <param name="DataFolder">The app's data folder (Storage:DataFolder, absolute): SQLite file, mail pickup, SMS log.</param>
public sealed record ModuleContext(IConfiguration Configuration, DatabaseOptions Database, IHostEnvironment Environment, string DataFolder);
