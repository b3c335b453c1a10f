using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Modules.Audit;
using Tongban.Modules.Cases;
using Tongban.Modules.Catalog;
using Tongban.Modules.Evaluation;
using Tongban.Modules.Exchange;
using Tongban.Modules.Identifiers;
using Tongban.Modules.Identity;
using Tongban.Modules.Licences;
using Tongban.Modules.Organisation;
using Tongban.Modules.Supervision;
using Tongban.Platform.Demo;
using Tongban.Platform.Http;
using Tongban.Platform.Persistence;
using Tongban.Platform.Security;
using Tongban.Platform.Web;

namespace Tongban.Platform;

/// <summary>Composition root: platform services, then each module's AddXxx / MapXxx.</summary>
public static class TongbanHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(TongbanOptions.Section).Get<TongbanOptions>() ?? new TongbanOptions();
        builder.Services.Configure<TongbanOptions>(builder.Configuration.GetSection(TongbanOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddSingleton<CityClock>();
        builder.Services.AddTongbanDatabase(builder.Configuration, options);
        builder.Services.AddDataProtection().SetApplicationName("Tongban");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(services)));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["requestId"] = c.HttpContext.TraceIdentifier;
            c.ProblemDetails.Title ??= Problems.TitleFor(c.ProblemDetails.Status ?? 500);
        });
        builder.Services.AddExceptionHandler<ExceptionHandling>();
        builder.Services.AddLocalization();
        // Chinese text goes out as UTF-8, not as numeric entities (pages 3-4 times smaller).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(o =>
        {
            // Pages live beside their module (Modules/<Module>/Pages) and declare absolute routes.
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/Modules/Organisation/Pages", Policies.OrganisationAdmin);
        }).AddViewLocalization();
        builder.Services.Configure<MvcOptions>(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tongban 通办 API";
            document.Info.Description = "一网通办 platform API for department systems, the mobile app and kiosks.";
            document.Info.License = new() { Name = "AGPL-3.0-only" };
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        builder.Services.AddIdentityModule(options);
        builder.Services.AddOrganisationModule();
        builder.Services.AddAuditModule();
        builder.Services.AddCatalogModule(builder.Configuration);
        builder.Services.AddLicencesModule(builder.Configuration);
        builder.Services.AddCasesModule(builder.Configuration);
        builder.Services.AddEvaluationModule(builder.Configuration);
        builder.Services.AddSupervisionModule(builder.Configuration);
        builder.Services.AddExchangeModule();
        builder.Services.AddDemoCity();

        var app = builder.Build();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePages(StatusCodePages.Handle);
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("zh-Hans").AddSupportedCultures("zh-Hans", "en").AddSupportedUICultures("zh-Hans", "en");
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponse.WriteAsync });
        app.MapRazorPages();
        app.MapPreferences();
        app.MapIdentityApi();
        app.MapIdentifiersApi();
        app.MapAuditApi();
        app.MapCatalogApi();
        app.MapCasesApi();
        app.MapLicencesApi();
        app.MapEvaluationApi();
        app.MapSupervisionApi();
        app.MapExchangeApi();
        return app;
    }

    /// <summary>Migrates the schema and, in demo mode, seeds the demo city, once, under the migration lock.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<MigrationRunner>();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TongbanOptions>>().Value;
        await runner.MigrateAsync(options.Demo
            ? () => scope.ServiceProvider.GetRequiredService<DemoCitySeeder>().SeedAsync(CancellationToken.None)
            : null);
    }
}
