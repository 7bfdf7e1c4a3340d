using BillCenter.Bench.Reference.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

// The reference app of bench/pages.sh: plain Razor Pages, cookie authentication and EF Core, nothing else.
var builder = WebApplication.CreateBuilder(args);

var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
var connectionString = builder.Configuration.GetConnectionString("Reference")
    ?? throw new InvalidOperationException("ConnectionStrings:Reference is missing.");
builder.Services.AddDbContext<ReferenceDbContext>(options =>
{
    if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
    {
        options.UseNpgsql(connectionString);
    }
    else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
    {
        options.UseSqlite(connectionString);
    }
    else
    {
        throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'.");
    }
});

builder.Services.AddSingleton<ReferenceUser>();
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options => options.LoginPath = "/sign-in");
builder.Services.AddAuthorization();
builder.Services.AddRazorPages();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ReferenceDbContext>();
    await db.Database.EnsureCreatedAsync();
    await ReferenceSeed.SeedAsync(db);
}

app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();

await app.RunAsync();
