using Superapps.LegacyDemo;

// "SIMPEG Lama": the demo legacy app started beside the portal (see README.md).
var app = LegacyDemoModule.Build(args);
app.Run();
