// A stand-in for a content-hashed bundle of the web app (tests run without the SPA build).
