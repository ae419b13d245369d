import TrackplanKit
print("hi")
