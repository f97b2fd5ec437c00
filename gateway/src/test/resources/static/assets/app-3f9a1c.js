console.log("linea-test-asset");
